import { decodeFlowed, unflowSource } from './flowed-text';
import { toInboundMessage } from './mime-message';

const mail = (contentType: string, body: string) =>
  Buffer.from(
    [
      'From: Claire <claire@client.example>',
      'To: support@helpdesk.example',
      'Subject: Re: Imprimante',
      'Message-ID: <flowed-1@client.example>',
      'MIME-Version: 1.0',
      `Content-Type: ${contentType}`,
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
    ].join('\r\n'),
  );

describe('format=flowed (RFC 3676)', () => {
  it('joins soft-broken lines of one paragraph, keeps hard breaks', () => {
    expect(decodeFlowed('Bonjour, je vous écris car \nl’imprimante du 3e étage \nne répond plus.\nMerci.')).toBe(
      'Bonjour, je vous écris car l’imprimante du 3e étage ne répond plus.\nMerci.',
    );
  });

  it('never joins a quoted line with the unquoted answer under it (Thunderbird bottom post)', () => {
    expect(decodeFlowed('Le 02/04/2026 à 18:26, Marc a écrit :\n> Vous avez redémarré ? \nOui, deux fois.')).toBe(
      'Le 02/04/2026 à 18:26, Marc a écrit :\n> Vous avez redémarré ?\nOui, deux fois.',
    );
  });

  it('joins quoted lines of the same depth only, and keeps nested depths apart', () => {
    expect(decodeFlowed('>> the old \n>> question\n> the answer \n> goes on\nmy reply')).toBe(
      '>> the old question\n> the answer goes on\nmy reply',
    );
  });

  it('removes space-stuffing and, with DelSp=yes, the soft space itself', () => {
    expect(decodeFlowed(' From the start \nto the end', false)).toBe('From the start to the end');
    expect(decodeFlowed('Unbreak able\nword', true)).toBe('Unbreak able\nword');
    expect(decodeFlowed('Unbreak \nable', true)).toBe('Unbreakable');
  });

  it('keeps the signature separator "-- " as its own line', () => {
    expect(decodeFlowed('Thanks, \nAnn\n-- \nAnn Lee, Acme')).toBe('Thanks, Ann\n-- \nAnn Lee, Acme');
  });

  it('marks only flowed text parts fixed for the MIME parser, bytes otherwise untouched', () => {
    const plain = mail('text/plain; charset=utf-8', 'Hello \nthere');
    expect(unflowSource(plain)).toEqual({ raw: plain, flowed: false, delSp: false });
    const flowed = unflowSource(mail('text/plain; charset=utf-8;\r\n format="flowed"; delsp=yes', 'x'));
    expect(flowed.flowed).toBe(true);
    expect(flowed.delSp).toBe(true);
    expect(flowed.raw.toString()).toContain('format="fixed"');
  });

  it('a flowed French reply under a soft quote line reaches the ticket as the reply (MIME path)', async () => {
    const m = await toInboundMessage(
      mail(
        'text/plain; charset=utf-8; format=flowed',
        'Le 02/04/2026 à 18:26, Support a écrit :\n> Pouvez-vous redémarrer \n> le poste ? \nC’est fait, tout \nfonctionne à nouveau.',
      ),
      ['support@helpdesk.example'],
    );
    expect(m.text).toBe('C’est fait, tout fonctionne à nouveau.');
  });

  it('an English flowed top reply keeps its paragraph and drops the quote', async () => {
    const m = await toInboundMessage(
      mail(
        'text/plain; charset=utf-8; format=flowed',
        'Still broken after the update, \nsame error as before.\n\nOn Mon, Apr 2, 2026 at 6:26 PM Support wrote:\n> Please try \n> the update.',
      ),
      ['support@helpdesk.example'],
    );
    expect(m.text).toBe('Still broken after the update, same error as before.');
  });
});
