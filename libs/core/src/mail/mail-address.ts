import { randomUUID } from 'node:crypto';

/** The bare address of `Name <a@b>` or `a@b`. */
export function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return (m ? m[1] : from).trim();
}

/** The domain Message-IDs are minted under: the sender's, or switchboard.local. */
export function mailDomain(from: string | undefined): string {
  const address = from ? addressOf(from) : '';
  const at = address.lastIndexOf('@');
  const domain =
    at >= 0
      ? address
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : '';
  return /^[a-z0-9.-]+$/.test(domain) ? domain : 'switchboard.local';
}

/** `<ticket-42.<uuid>@domain>` for ticket mail (the email channel threads replies by it), `<<uuid>@domain>` otherwise. */
export function newMessageId(domain: string, ticketNumber?: number): string {
  return ticketNumber ? `<ticket-${ticketNumber}.${randomUUID()}@${domain}>` : `<${randomUUID()}@${domain}>`;
}
