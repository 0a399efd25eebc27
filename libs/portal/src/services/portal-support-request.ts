import type { ConversationService, ConversationView } from '@switchboard/chat';
import { PORTAL_SUPPORT_REQUEST_LINE } from '@switchboard/contracts';

/** A waiting chat left as a support request (the visitor converted it, or the abandon timer fired). */
export async function leaveAsSupportRequest(
  conversations: ConversationService,
  conversation: ConversationView,
  reason: 'converted' | 'abandoned',
  now: Date,
): Promise<void> {
  await conversations.patchMeta(conversation.id, { caseType: 'support_request', submittedAt: now.toISOString() });
  // In the customer's language, like every system line (the end picks it per conversation).
  await conversations.end(conversation.id, { reason, text: PORTAL_SUPPORT_REQUEST_LINE });
}
