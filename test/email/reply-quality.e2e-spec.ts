import { bootEmailApp, commentsOf, type EmailApp, HELPDESK, seedCompany, sendMail, ticketsOf } from './email.helper';

/**
 * #21 reply extraction through the whole app: real SMTP sessions into the plugin's listener, the
 * real MIME path and database; the comment shows only what the user wrote.
 */
describe('#21 reply extraction over SMTP', () => {
  let e: EmailApp;
  beforeAll(async () => {
    e = await bootEmailApp();
  });
  afterAll(() => e?.close());

  async function openTicket(subject: string) {
    const { contact, domain } = await seedCompany(e.t);
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject, text: 'The printer prints blank pages.' });
    const [ticket] = await ticketsOf(e.t, contact.id);
    return { ticket, domain };
  }

  const lastComment = async (number: number) => {
    const comments = await commentsOf(e.t, number);
    return comments[comments.length - 1];
  };

  it('an Outlook on the web HTML-only reply: the <hr> line and the history under it are cut', async () => {
    const { ticket, domain } = await openTicket('Printer');
    // What Outlook on the web sends: the reply, an <hr>, the header block, then the quoted
    // message outside any blockquote (so only the text rules can cut it).
    const html =
      '<html><head><style type="text/css">P {margin-top:0;margin-bottom:0;}</style></head><body dir="ltr">' +
      '<div style="font-family: Calibri, Arial, sans-serif; font-size: 12pt;">It prints again, thank you!</div>' +
      '<div style="font-family: Calibri, Arial, sans-serif; font-size: 12pt;"><br></div>' +
      '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">' +
      '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt">' +
      `<b>From:</b> Helpdesk &lt;${HELPDESK}&gt;<br><b>Sent:</b> Tuesday, December 1, 2026 9:30 AM<br>` +
      `<b>To:</b> Melissa Jones &lt;melissa@${domain}&gt;<br><b>Subject:</b> [#${ticket.number}] Printer</font>` +
      '<div>&nbsp;</div></div><div><p>Please replace the toner and tell us if it helps.</p><p>Tina</p></div></body></html>';
    await sendMail(e.smtpPort, { from: `melissa@${domain}`, subject: `RE: [#${ticket.number}] Printer`, html });
    const last = await lastComment(ticket.number);
    expect(last.body).toBe('It prints again, thank you!');
    expect(last.hasOriginal).toBe(true);
  });

  it('a mobile reply: the app signature and the unmarked history under it are cut (English and French)', async () => {
    const { ticket, domain } = await openTicket('Badge reader');
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: [#${ticket.number}] Badge reader`,
      text: 'Yes, the one at the main entrance.\n\nGet Outlook for Android<https://aka.ms/ghei36>\n\nWhich badge reader is it?\n',
    });
    expect((await lastComment(ticket.number)).body).toBe('Yes, the one at the main entrance.');

    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: [#${ticket.number}] Badge reader`,
      text:
        "Celui de l'entrée principale.\n\nEnvoyé à partir de Outlook pour iOS<https://aka.ms/o0ukef>\n" +
        '________________________________\nDe : Helpdesk <support@helpdesk.example>\nEnvoyé : mardi 1 décembre 2026 09:30\n' +
        `À : Melissa Jones\nObjet : [#${ticket.number}] Lecteur de badge\n\nQuel lecteur ?\n`,
    });
    expect((await lastComment(ticket.number)).body).toBe("Celui de l'entrée principale.");
  });

  it('a bottom-posted reply keeps the answer under the quote', async () => {
    const { ticket, domain } = await openTicket('Monitor');
    await sendMail(e.smtpPort, {
      from: `melissa@${domain}`,
      subject: `Re: [#${ticket.number}] Monitor`,
      text: `On Tue, 1 Dec 2026 at 09:30, Helpdesk <${HELPDESK}> wrote:\n> Which model is it?\n\nA Dell P2419H.\n\nMelissa\n`,
    });
    expect((await lastComment(ticket.number)).body).toBe('A Dell P2419H.\n\nMelissa');
  });
});
