import { toInboundMessage } from './mime-message.js';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));

/** A Postfix-style delivery report (RFC 3464) around the returned part. */
const report = (returnedType: string, returnedLines: string[], extra: string[] = []) =>
  crlf([
    'From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>',
    'To: support@helpdesk.example',
    'Subject: Undelivered Mail Returned to Sender',
    'Message-ID: <dsn-1@mx.customer.example>',
    ...extra,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="BB"',
    '',
    '--BB',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.customer.example.',
    "I'm sorry to have to inform you that your message could not be delivered.",
    '',
    '--BB',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.customer.example',
    '',
    'Final-Recipient: rfc822; ann.forwarded@elsewhere.example',
    'Original-Recipient: rfc822;Ann@Customer.example',
    'Action: failed',
    'Status: 5.1.1',
    '',
    '--BB',
    `Content-Type: ${returnedType}`,
    '',
    ...returnedLines,
    '--BB--',
    '',
  ]);

const ourMail = [
  'From: Helpdesk <support@helpdesk.example>',
  'To: ann@customer.example',
  'Subject: =?UTF-8?Q?Re:_[#12]_Imprimante_cass=C3=A9e?=',
  'Message-ID: <ticket-12.0b7c@helpdesk.example>',
  'In-Reply-To: <first@customer.example>',
  'References: <first@customer.example>',
  ' <ticket-12.aa11@helpdesk.example>',
  '',
  'Bonjour, nous avons commandé la pièce.',
];

describe('returned message of a bounce (SDK 1.4 `returned`)', () => {
  it('reads the message/rfc822 part: ids, decoded subject, the original recipient', async () => {
    const m = await toInboundMessage(report('message/rfc822', ourMail), ['support@helpdesk.example']);
    expect(m.automatedKind).toBe('bounce');
    expect(m.returned).toEqual({
      messageId: '<ticket-12.0b7c@helpdesk.example>',
      inReplyTo: '<first@customer.example>',
      references: ['<first@customer.example>', '<ticket-12.aa11@helpdesk.example>'],
      subject: 'Re: [#12] Imprimante cassée',
      recipient: 'ann@customer.example',
    });
  });

  it('reads headers-only reports (text/rfc822-headers) and Final-Recipient when no Original-Recipient', async () => {
    const raw = report('text/rfc822-headers', ourMail.slice(0, 7))
      .toString()
      .replace(/^Original-Recipient.*\r\n/m, '');
    const m = await toInboundMessage(Buffer.from(raw), []);
    expect(m.returned).toMatchObject({
      messageId: '<ticket-12.0b7c@helpdesk.example>',
      subject: 'Re: [#12] Imprimante cassée',
      recipient: 'ann.forwarded@elsewhere.example',
    });
  });

  it('reads an inline message/rfc822 part too', async () => {
    const raw = report('message/rfc822\r\nContent-Disposition: inline', ourMail);
    const m = await toInboundMessage(raw, []);
    expect(m.returned).toMatchObject({
      messageId: '<ticket-12.0b7c@helpdesk.example>',
      subject: 'Re: [#12] Imprimante cassée',
    });
  });

  it('reads the copy a plain failure notice quotes (qmail: recipient from the "<address>:" line)', async () => {
    const m = await toInboundMessage(
      crlf([
        'From: MAILER-DAEMON@mail.customer.example',
        'To: support@helpdesk.example',
        'Subject: failure notice',
        '',
        'Hi. This is the qmail-send program at mail.customer.example.',
        "I'm afraid I wasn't able to deliver your message to the following addresses.",
        '',
        '<bob@customer.example>:',
        'Sorry, no mailbox here by that name. (#5.1.1)',
        '',
        '--- Below this line is a copy of the message.',
        '',
        'Return-Path: <support@helpdesk.example>',
        'Received: (qmail 1234 invoked from network); 1 Dec 2026 10:00:00 -0000',
        'From: Helpdesk <support@helpdesk.example>',
        'To: bob@customer.example',
        'Subject: [#77] Your ticket was received',
        'Message-ID: <ticket-77.c0ffee@helpdesk.example>',
        '',
        'We opened ticket #77.',
      ]),
      [],
    );
    expect(m.automatedKind).toBe('bounce');
    expect(m.returned).toEqual({
      messageId: '<ticket-77.c0ffee@helpdesk.example>',
      subject: '[#77] Your ticket was received',
      recipient: 'bob@customer.example',
    });
  });

  it('a quoted copy ("> " lines) and Exim\'s X-Failed-Recipients', async () => {
    const m = await toInboundMessage(
      crlf([
        'From: Mail Delivery System <Mailer-Daemon@exim.customer.example>',
        'To: support@helpdesk.example',
        'Subject: Mail delivery failed: returning message to sender',
        'X-Failed-Recipients: carla@customer.example',
        '',
        'This message was created automatically by mail delivery software.',
        '',
        '> From: support@helpdesk.example',
        '> Subject: Re: [#5] Demande de mot de passe',
        '> Message-ID: <ticket-5.beef@helpdesk.example>',
        '> References: <a@customer.example>',
        '>  <b@customer.example>',
        '>',
        '> Bonjour',
      ]),
      [],
    );
    expect(m.returned).toEqual({
      messageId: '<ticket-5.beef@helpdesk.example>',
      references: ['<a@customer.example>', '<b@customer.example>'],
      subject: 'Re: [#5] Demande de mot de passe',
      recipient: 'carla@customer.example',
    });
  });

  it('a report that returns nothing and names no recipient gives no `returned`', async () => {
    const bare = await toInboundMessage(
      crlf([
        'From: MAILER-DAEMON@mx.customer.example',
        'Subject: Delivery Status Notification (Failure)',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'Mailbox full.',
        '--b--',
      ]),
      [],
    );
    expect(bare.automatedKind).toBe('bounce');
    expect(bare.returned).toBeUndefined();
  });

  it('is read only for bounces: a person forwarding a message as an attachment has none', async () => {
    const m = await toInboundMessage(
      crlf([
        'From: Ann <ann@customer.example>',
        'To: support@helpdesk.example',
        'Subject: Fwd: [#12] Imprimante',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="m"',
        '',
        '--m',
        'Content-Type: text/plain',
        '',
        'See below.',
        '--m',
        'Content-Type: message/rfc822',
        '',
        ...ourMail,
        '--m--',
      ]),
      [],
    );
    expect(m.automatedKind).toBeUndefined();
    expect(m.returned).toBeUndefined();
  });
});
