import { classifyAutomated } from './automated-mail';

const headers = (h: Record<string, unknown>) => ({ get: (name: string) => h[name] });

describe('classifyAutomated', () => {
  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'Re: [#42] Printer', 'auto-reply'],
    [{ 'auto-submitted': 'auto-generated' }, 'Hello', 'auto-reply'],
    [{ 'x-autoreply': 'yes' }, 'Re: help', 'auto-reply'],
    [{ precedence: 'bulk' }, 'Newsletter', 'auto-reply'],
    [{ precedence: 'list' }, 'Digest', 'auto-reply'],
    [{}, 'Out of Office: back on Monday', 'auto-reply'],
    [{}, 'Automatic reply: [#42] Printer', 'auto-reply'],
    [{}, 'Réponse automatique : absent', 'auto-reply'],
    [
      { 'content-type': { value: 'multipart/report', params: { 'report-type': 'delivery-status' } } },
      'Delivery Status Notification (Failure)',
      'bounce',
    ],
  ])('%j / %s → %s', (h, subject, kind) => {
    expect(classifyAutomated(headers(h), subject, 'someone@example.com')).toBe(kind);
  });

  it('recognises a mailer-daemon failure notice without a DSN', () => {
    expect(classifyAutomated(headers({}), 'Undelivered Mail Returned to Sender', 'MAILER-DAEMON@mx.example.com')).toBe(
      'bounce',
    );
  });

  it('leaves ordinary mail alone (Auto-Submitted: no, a normal subject)', () => {
    expect(
      classifyAutomated(headers({ 'auto-submitted': 'no' }), 'Re: [#42] Printer on fire', 'melissa@acme.example'),
    ).toBeNull();
    expect(
      classifyAutomated(
        headers({ 'content-type': { value: 'multipart/mixed', params: {} } }),
        'Office move next week',
        'a@b.c',
      ),
    ).toBeNull();
  });
});
