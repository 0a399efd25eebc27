import { toInboundMessage } from './mime-message.js';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('toInboundMessage: HTML-only mail keeps its text', () => {
  it('Outlook-style: HTML with an inline image (multipart/related) next to a PDF (multipart/mixed)', async () => {
    const m = await toInboundMessage(
      crlf([
        'From: Ann <ann@customer.example>',
        'To: support@helpdesk.example',
        'Subject: Scanner',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="mixed"',
        '',
        '--mixed',
        'Content-Type: multipart/related; boundary="rel"',
        '',
        '--rel',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<html><body><p>The scanner shows this error:</p><p><img src="cid:err@x"></p><p>Thanks</p></body></html>',
        '--rel',
        'Content-Type: image/png',
        'Content-ID: <err@x>',
        'Content-Disposition: inline; filename="error.png"',
        'Content-Transfer-Encoding: base64',
        '',
        'iVBORw0KGgo=',
        '--rel--',
        '--mixed',
        'Content-Type: application/pdf; name="manual.pdf"',
        'Content-Disposition: attachment; filename="manual.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0xLjQK',
        '--mixed--',
      ]),
      [],
    );
    expect(m.text).toBe('The scanner shows this error:\n\nThanks');
    expect(m.attachments?.map((a) => [a.filename, !!a.inline])).toEqual([
      ['error.png', true],
      ['manual.pdf', false],
    ]);
  });

  it('an empty text/plain alternative does not hide the HTML text', async () => {
    const m = await toInboundMessage(
      crlf([
        'From: ann@customer.example',
        'Subject: Clavier',
        'MIME-Version: 1.0',
        'Content-Type: multipart/alternative; boundary="alt"',
        '',
        '--alt',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '',
        '--alt',
        'Content-Type: text/html; charset=iso-8859-1',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        '<div>Le clavier ne r=E9pond plus depuis la mise =E0 jour.</div>',
        '--alt--',
      ]),
      [],
    );
    expect(m.text).toBe('Le clavier ne répond plus depuis la mise à jour.');
  });
});
