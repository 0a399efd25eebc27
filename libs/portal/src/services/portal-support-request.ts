import type { ConversationService, ConversationView } from '@switchboard/chat';

/** A waiting chat left as a support request (the visitor converted it, or the abandon timer fired). */
export async function leaveAsSupportRequest(
  conversations: ConversationService,
  conversation: ConversationView,
  reason: 'converted' | 'abandoned',
  now: Date,
): Promise<void> {
  await conversations.patchMeta(conversation.id, { caseType: 'support_request', submittedAt: now.toISOString() });
  await conversations.end(conversation.id, {
    reason,
    text: 'The question was left as a support request; we will answer by email.',
  });
}
