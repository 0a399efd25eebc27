import { ImapFlow } from 'imapflow';
import { bootEmailApp, commentsOf, type EmailApp, eventually, rfc822, seedCompany, ticketsOf } from './email.helper';
import { dovecotMissing, startDovecot, type Dovecot } from './dovecot.helper';

const missing = dovecotMissing();
if (missing) console.warn(`SKIPPED: ${missing}`);
const suite = missing ? describe.skip : describe;

/** Polling an existing mailbox: a real dovecot (Debian's dovecot-imapd) started by the test, imapflow in the plugin. */
suite('email inbound from an IMAP mailbox', () => {
  let dovecot: Dovecot;
  let e: EmailApp;
  beforeAll(async () => {
    dovecot = await startDovecot();
    e = await bootEmailApp({
      env: {
        SWITCHBOARD_IMAP_URL: `imap://${dovecot.user}:${dovecot.password}@127.0.0.1:${dovecot.port}/INBOX`,
        SWITCHBOARD_IMAP_POLL_SECONDS: '1',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await e?.close();
    await dovecot?.stop();
  });

  it('turns unseen mail into tickets and replies, marks it \\Seen, and never processes it twice', async () => {
    const { contact, domain } = await seedCompany(e.t);
    dovecot.deliver(
      rfc822([
        `From: Melissa Jones <melissa@${domain}>`,
        'To: support@helpdesk.example',
        'Subject: From the mailbox',
        `Message-ID: <imap-1@${domain}>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Polled from IMAP.',
        '',
      ]),
    );
    await eventually(async () => expect(await ticketsOf(e.t, contact.id)).toHaveLength(1), 15_000);
    const [ticket] = await ticketsOf(e.t, contact.id);
    expect(ticket).toMatchObject({ title: 'From the mailbox', source: 'email' });

    dovecot.deliver(
      rfc822([
        `From: melissa@${domain}`,
        'To: support@helpdesk.example',
        `Subject: Re: [#${ticket.number}] From the mailbox`,
        `Message-ID: <imap-2@${domain}>`,
        `In-Reply-To: <imap-1@${domain}>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'A reply via IMAP.',
        '',
        `On Mon, 4 Mar 2024, Helpdesk <support@helpdesk.example> wrote:`,
        '> earlier',
        '',
      ]),
    );
    await eventually(
      async () =>
        expect((await commentsOf(e.t, ticket.number)).map((c) => c.body)).toEqual([
          'Polled from IMAP.',
          'A reply via IMAP.',
        ]),
      15_000,
    );

    // Both are flagged \Seen in the mailbox (so a mail client sees them as handled).
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    try {
      const lock = await client.getMailboxLock('INBOX');
      try {
        await eventually(async () => expect(await client.search({ seen: false }, { uid: true })).toEqual([]), 10_000);
        expect(await client.search({ seen: true }, { uid: true })).toHaveLength(2);
        // Marked unseen again (a user clicking "mark as unread"): re-read, de-duplicated by Message-ID.
        await client.messageFlagsRemove('1:*', ['\\Seen']);
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
    await new Promise((r) => setTimeout(r, 2500));
    expect(await commentsOf(e.t, ticket.number)).toHaveLength(2);
    expect(await ticketsOf(e.t, contact.id)).toHaveLength(1);
  });
});
