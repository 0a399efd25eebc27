import type { OutboundMail, SentMail } from '@switchboard/core';

/** The one way the core sends email. Inject it; never talk to a transport directly. */
export abstract class MailPort {
  abstract send(message: OutboundMail): Promise<SentMail>;
}
