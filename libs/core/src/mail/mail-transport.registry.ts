import { Injectable } from '@nestjs/common';
import type { MailTransport } from './outbound-mail.js';

/**
 * Which transport delivers mail after it is recorded in the outbox. Empty by default: the
 * outbox is the only "delivery" until the email channel plugin calls `use(transport)` (through
 * the plugin host) and `clear()` when it is disabled.
 */
@Injectable()
export class MailTransportRegistry {
  private transport: MailTransport | null = null;

  use(transport: MailTransport): void {
    this.transport = transport;
  }

  clear(name?: string): void {
    if (!name || this.transport?.name === name) this.transport = null;
  }

  get current(): MailTransport | null {
    return this.transport;
  }
}
