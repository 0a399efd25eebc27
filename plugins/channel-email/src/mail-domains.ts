/**
 * Which recipients are the helpdesk's: `helpdesk.example` accepts any address at that domain,
 * `support@helpdesk.example` exactly that address. Without a list, the domain of the sender
 * address (`mailFrom`) is the helpdesk's.
 */
export class MailDomains {
  private readonly domains = new Set<string>();
  private readonly addresses = new Set<string>();

  constructor(list: string, mailFrom: string) {
    const entries = list
      .split(/[\s,;]+/)
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean);
    if (!entries.length) {
      const from = (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim().toLowerCase();
      if (from.includes('@')) entries.push(from.split('@')[1]);
    }
    for (const e of entries) (e.includes('@') ? this.addresses : this.domains).add(e.replace(/^@/, ''));
  }

  accepts(address: string): boolean {
    const a = address.trim().toLowerCase();
    const at = a.lastIndexOf('@');
    if (at <= 0) return false;
    return this.addresses.has(a) || this.domains.has(a.slice(at + 1));
  }

  describe(): string {
    return [...this.domains, ...this.addresses].join(', ') || '(none)';
  }
}
