import type { InboundMessage } from '@switchboard/plugin-sdk';

/** The comment body of an inbound mail: its text, or a placeholder when it has none. */
export function emailBody(m: InboundMessage): string {
  const text = m.text.trim();
  return text || (m.attachments?.length ? '(attachments only)' : '(empty message)');
}
