import type { ComposeContext, ComposeRewriteStyle } from '@switchboard/plugin-sdk';

const LANGUAGES: Record<string, string> = { en: 'English', fr: 'French' };

type ChatMessage = { role: 'system' | 'user'; content: string };

const RULES = (context: ComposeContext) =>
  [
    `Write in ${LANGUAGES[context.language] ?? context.language}.`,
    'Placeholders such as [CARD-1], [IBAN-1], [SSN-1], [EMAIL-1] or [PHONE-1] stand for hidden values: keep them exactly as written, never guess what they hide.',
    'Never invent facts, prices, dates, links or promises that the conversation does not support; when something is unknown, say the technician will check.',
    'Output only the text of the reply: no subject line, no notes, no markdown headings.',
  ].join('\n');

const transcript = (context: ComposeContext) =>
  context.conversation
    .map((m) => `${m.from === 'end_user' ? 'Customer' : 'Technician'}${m.name ? ` (${m.name})` : ''}: ${m.text}`)
    .join('\n\n');

/** A reply to the conversation, signed by the technician. */
export function generateMessages(context: ComposeContext): ChatMessage[] {
  const greeting = context.requester.firstName ? ` Greet ${context.requester.firstName} by first name.` : '';
  return [
    {
      role: 'system',
      content: `You help a helpdesk technician named ${context.technician.name} write the next reply on a support ticket. Be helpful, concise and polite.${greeting} Sign with the technician's name${context.technician.signature ? ` and this signature:\n${context.technician.signature}` : ''}.\n${RULES(context)}`,
    },
    {
      role: 'user',
      content: `Ticket #${context.ticket.number}: ${context.ticket.title}\n\nConversation so far (oldest first):\n\n${transcript(context) || '(no messages yet)'}\n\nWrite the technician's next reply.`,
    },
  ];
}

const STYLES: Record<ComposeRewriteStyle, string> = {
  rephrase: 'Rephrase it: clearer and better written, same tone, same meaning, about the same length.',
  casual: 'Make it more casual: friendly and relaxed, still professional, same meaning.',
  formal: 'Make it more formal: courteous and professional, same meaning.',
};

/** The technician's draft in another style; the conversation is context only. */
export function rewriteMessages(text: string, style: ComposeRewriteStyle, context: ComposeContext): ChatMessage[] {
  return [
    {
      role: 'system',
      content: `You edit a helpdesk technician's draft reply on ticket #${context.ticket.number} (${context.ticket.title}). ${STYLES[style]} Keep every fact of the draft and add none.\n${RULES(context)}`,
    },
    { role: 'user', content: text },
  ];
}
