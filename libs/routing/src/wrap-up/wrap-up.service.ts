import { Injectable } from '@nestjs/common';
import {
  Clock,
  DomainError,
  NotFoundError,
  RealtimeService,
  ValidationFailedError,
  type AccountPrincipal,
} from '@switchboard/core';
import { WrapUpRepository } from '../repositories/wrap-up.repository.js';
import type { WrapUpView } from '../routing.types.js';
import { AgentStateService } from '../services/agent-state.service.js';
import { WrapUpReasonService } from '../services/wrap-up-reason.service.js';
import { toWrapUpView } from './wrap-up.view.js';

export interface SubmitWrapUpInput {
  reasonId: string;
  note?: string | null;
}

/** The agent submits their wrap-up: reason (active), optional note; the chat's slot frees. */
@Injectable()
export class WrapUpService {
  constructor(
    private readonly wrapUps: WrapUpRepository,
    private readonly reasons: WrapUpReasonService,
    private readonly states: AgentStateService,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  async submit(conversationId: string, me: AccountPrincipal, input: SubmitWrapUpInput): Promise<WrapUpView> {
    const open = await this.wrapUps.findOpen(conversationId, me.id);
    if (!open) throw notDue();
    const reason = await this.reasons.active(input.reasonId).catch((error: unknown) => {
      if (error instanceof NotFoundError)
        throw new ValidationFailedError('Pick an active wrap-up reason', {
          reasonId: [`wrap-up reason ${input.reasonId} does not exist or is inactive`],
        });
      throw error;
    });
    const set = {
      reasonId: reason.id,
      reasonLabel: reason.label,
      note: input.note?.trim() || null,
      wrappedAt: this.clock.now(),
    };
    // Two tabs submitting at once: one wins, the other gets the same 409 as a late submit.
    if (!(await this.wrapUps.submit(open.id, set))) throw notDue();
    if (open.holdsSlot) await this.states.releaseSlot(me.id);
    this.realtime.toAccount(me.id, 'wrap_up.done', { conversationId, wrapUpId: open.id });
    return toWrapUpView({ ...open, ...set, openKey: null });
  }

  /** The agent's open wrap-ups (the web reopens the dialog after a reload). */
  async pending(me: AccountPrincipal): Promise<WrapUpView[]> {
    return (await this.wrapUps.pendingFor(me.id)).map(toWrapUpView);
  }
}

const notDue = () => new DomainError('WRAP_UP_NOT_DUE', 'No wrap-up of this conversation is waiting for you', 409);
