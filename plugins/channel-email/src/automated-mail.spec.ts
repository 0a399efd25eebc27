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
    [{}, 'Abwesenheitsnotiz: Drucker', 'auto-reply'],
    [
      { 'content-type': { value: 'multipart/report', params: { 'report-type': 'delivery-status' } } },
      'Delivery Status Notification (Failure)',
      'bounce',
    ],
  ])('%j / %s → %s', (h, subject, kind) => {
    expect(classifyAutomated(headers(h), subject, 'someone@example.com')).toBe(kind);
  });

  describe('out-of-office subjects without any header (anchored, whole phrase)', () => {
    it.each([
      'Out of Office: Re: [#42] Printer',
      'Out of the office',
      'OUT OF OFFICE',
      'Out of office reply: Printer',
      'Out of Office (returning Monday)',
      'Automatic reply: Printer',
      'Auto-Reply: Printer',
      'AutoReply: Printer',
      '[Auto-Reply] Re: Printer',
      '[EXTERNAL] Automatic reply: Printer',
      'AUTO: Jane Doe is out of the office (returning 12/08/2026)',
      // fr
      'Absence du bureau : Re: [#42] Imprimante',
      'Absent du bureau',
      'Réponse automatique : Imprimante',
      'Reponse automatique: Imprimante',
      'Réponse automatique\u00a0: Imprimante',
      "Message d'absence",
      // de
      'Abwesenheitsnotiz: Drucker',
      'Automatische Antwort: Drucker',
      // es
      'Fuera de la oficina: Impresora',
      'Respuesta automática: Impresora',
      // it
      'Fuori sede: Stampante',
      'Risposta automatica: Stampante',
      // nl, pt
      'Automatisch antwoord: Printer',
      'Resposta automática: Impressora',
    ])('%s → auto-reply', (subject) => {
      expect(classifyAutomated(headers({}), subject, 'ann@acme.example')).toBe('auto-reply');
    });

    it.each([
      // A person replying to or forwarding one, or writing about the subject.
      'Re: out of office plans',
      'RE: Automatic reply: Printer',
      'Fwd: Out of Office: Printer',
      'TR: Réponse automatique : Imprimante',
      'WG: Abwesenheitsnotiz: Drucker',
      'RV: Fuera de la oficina: Impresora',
      'Out of office plans for May',
      'Automatic replying does not work in Outlook',
      'Absence du bureau prévue en août',
      'Réponse automatique ne fonctionne plus',
      'Auto: car park access',
      'Absence: Monday',
      'Vacation request',
      'OOO: can someone cover my tickets?',
      'Printer out of office',
    ])('%s → a person', (subject) => {
      expect(classifyAutomated(headers({}), subject, 'ann@acme.example')).toBeNull();
    });
  });

  it('auto-reply headers: X-Autoreply, X-Autorespond, Precedence: auto_reply (any subject)', () => {
    for (const h of [{ 'x-autoreply': 'yes' }, { 'x-autorespond': 'Vacation' }, { precedence: 'auto_reply' }])
      expect(classifyAutomated(headers(h), 'Re: [#42] Printer', 'ann@acme.example')).toBe('auto-reply');
    expect(classifyAutomated(headers({ precedence: 'first-class' }), 'Re: [#42] Printer', 'a@b.c')).toBeNull();
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
