import { bearer, bootEmailApp, commentsOf, type EmailApp, seedCompany, sendMail, ticketsOf } from './email.helper';

/** #13.12: a mail with only an HTML part (no text/plain) keeps its text, with or without attachments. Real SMTP sessions. */
describe('#13.12 HTML-only mail keeps its text', () => {
  let e: EmailApp;
  beforeAll(async () => {
    e = await bootEmailApp();
  });
  afterAll(() => e?.close());

  const html =
    '<html><head><style>p { color: red }</style></head><body><script>alert("x")</script>' +
    '<p>The <b>printer</b> on floor 2 is jammed again.</p>' +
    '<p>Details on <a href="https://status.acme.example/printers/2">the status page</a>.</p>' +
    '<p><img src="https://track.example/pixel.gif" alt="tracking pixel"></p></body></html>';

  it('HTML-only with an attachment: the comment has the text (links readable), the file is attached', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Printer jammed',
      html,
      attachments: [{ filename: 'error.log', content: 'E42 paper jam\n', contentType: 'text/plain' }],
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    expect(ticket.description).toContain('The printer on floor 2 is jammed again.');
    const [comment] = await commentsOf(e.t, ticket.number);
    expect(comment.body).not.toBe('(attachments only)');
    expect(comment.body).toContain('The printer on floor 2 is jammed again.');
    expect(comment.body).toContain('the status page [https://status.acme.example/printers/2]');
    expect(comment.body).not.toMatch(/alert|color: red|tracking pixel|track\.example/);
    const log = comment.attachments.find((a) => a.name === 'error.log')!;
    expect(log).toMatchObject({ contentType: 'text/plain' });
    const content = await e.t.http().get(`/api/files/${log.id}/content`).set(bearer(e.t.technicianToken)).expect(200);
    expect(content.text).toBe('E42 paper jam\n');
  });

  it('HTML-only without an attachment: the same text', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Printer jammed', html });
    const [ticket] = await ticketsOf(e.t, contact.id);
    const [comment] = await commentsOf(e.t, ticket.number);
    expect(comment.body).toBe(
      'The printer on floor 2 is jammed again.\n\nDetails on the status page [https://status.acme.example/printers/2].',
    );
  });

  it('an HTML-only reply keeps only the new text: the Gmail quote and blockquote history are cut', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: 'Screen flickers', text: 'It flickers.' });
    const [ticket] = await ticketsOf(e.t, contact.id);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: [#${ticket.number}] Screen flickers`,
      html:
        '<div dir="ltr">Still flickering after the restart.</div><br>' +
        '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue, Dec 1, 2026 at 10:00 AM Helpdesk wrote:<br></div>' +
        '<blockquote class="gmail_quote" style="margin:0 0 0 .8ex">Please restart it.<br>' +
        '<blockquote>It flickers.</blockquote></blockquote></div>',
      attachments: [{ filename: 'photo.txt', content: 'pretend photo', contentType: 'text/plain' }],
    });
    const comments = await commentsOf(e.t, ticket.number);
    const last = comments[comments.length - 1];
    expect(last.body).toBe('Still flickering after the restart.');
    expect(last.attachments.map((a) => a.name)).toContain('photo.txt');
  });

  it('HTML-only with an inline image and a file (Outlook: related inside mixed): text, inline image, file', async () => {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: 'Scanner error',
      html: '<p>The scanner shows this:</p><p><img src="cid:err@acme"></p><p>Réponse urgente, merci.</p>',
      attachments: [
        { filename: 'error.png', content: Buffer.from('89504e470d0a1a0a', 'hex'), cid: 'err@acme' },
        { filename: 'manual.pdf', content: Buffer.from('%PDF-1.4\n'), contentType: 'application/pdf' },
      ],
    });
    const [ticket] = await ticketsOf(e.t, contact.id);
    const [comment] = await commentsOf(e.t, ticket.number);
    expect(comment.body).toBe('The scanner shows this:\n\nRéponse urgente, merci.');
    expect(comment.attachments.map((a) => [a.name, !!a.inline]).sort()).toEqual([
      ['error.png', true],
      ['manual.pdf', false],
    ]);
  });
});
