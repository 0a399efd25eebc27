import type { WrapUpEntity } from '../entities/wrap-up.entity.js';
import type { WrapUpView } from '../routing.types.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const toWrapUpView = (w: WrapUpEntity): WrapUpView => ({
  id: w.id,
  conversationId: w.conversationId,
  cause: w.cause,
  openedAt: new Date(w.openedAt).toISOString(),
  reasonId: w.reasonId,
  reasonLabel: w.reasonLabel,
  note: w.note,
  wrappedAt: iso(w.wrappedAt),
});
