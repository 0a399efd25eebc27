import { extractReply } from './reply-extractor';

// Realistic plain-text parts as the common clients produce them (line endings as received).
const samples: Record<string, { input: string; expected: string }> = {
  'Gmail (English)': {
    input:
      'Thanks, that fixed it!\r\n\r\nOn Mon, 4 Mar 2024 at 10:12, Switchboard Helpdesk <support@helpdesk.example> wrote:\r\n\r\n> Please restart the printer.\r\n>\r\n> --\r\n> Tina\r\n',
    expected: 'Thanks, that fixed it!',
  },
  'Gmail with the header wrapped over two lines': {
    input:
      'Works now, thank you.\n\nOn Mon, Mar 4, 2024 at 10:12 AM Switchboard Helpdesk <\nsupport@helpdesk.example> wrote:\n\n> Please restart the printer.\n',
    expected: 'Works now, thank you.',
  },
  'Apple Mail on iPhone (signature, quoted header)': {
    input:
      'Yes please, go ahead.\n\nSent from my iPhone\n\n> On 4 Mar 2024, at 10:12, Switchboard Helpdesk <support@helpdesk.example> wrote:\n>\n> Shall we replace the toner?\n',
    expected: 'Yes please, go ahead.',
  },
  'Apple Mail on macOS (unquoted header)': {
    input:
      'Monday works for me.\n\nBest,\nMelissa\n\nOn 4 Mar 2024, at 10:12, Switchboard Helpdesk <support@helpdesk.example> wrote:\n\nWhen can we come by?\n',
    expected: 'Monday works for me.\n\nBest,\nMelissa',
  },
  'Outlook (separator line and From/Sent/To/Subject block)': {
    input:
      'I tried that already.\r\n\r\nMelissa\r\n\r\n________________________________\r\nFrom: Switchboard Helpdesk <support@helpdesk.example>\r\nSent: Monday, March 4, 2024 10:12 AM\r\nTo: Melissa Jones <melissa@acme.example>\r\nSubject: [#42] Printer on fire\r\n\r\nPlease restart the printer.\r\n',
    expected: 'I tried that already.\n\nMelissa',
  },
  'Outlook desktop (From block without a separator)': {
    input:
      'Still broken after the restart.\n\nFrom: Switchboard Helpdesk [mailto:support@helpdesk.example]\nSent: Monday, March 4, 2024 10:12 AM\nTo: Melissa Jones\nSubject: RE: [#42] Printer on fire\n\nPlease restart the printer.\n',
    expected: 'Still broken after the restart.',
  },
  'Outlook "Original Message" divider': {
    input:
      'See attached log.\n\n-----Original Message-----\nFrom: Switchboard Helpdesk\nSent: Monday, March 4, 2024 10:12 AM\nSubject: [#42] Printer on fire\n\nCan you send the log?\n',
    expected: 'See attached log.',
  },
  'French Gmail ("Le … a écrit :")': {
    input:
      "Merci, c'est réglé !\n\nLe lun. 4 mars 2024 à 10:12, Switchboard Helpdesk <support@helpdesk.example> a écrit :\n\n> Pouvez-vous redémarrer l'imprimante ?\n",
    expected: "Merci, c'est réglé !",
  },
  'French Outlook (De / Envoyé / À / Objet) with a mobile signature': {
    input:
      'Toujours en panne.\n\nEnvoyé de mon iPhone\n\nDe : Switchboard Helpdesk <support@helpdesk.example>\nEnvoyé : lundi 4 mars 2024 10:12\nÀ : Melissa Jones\nObjet : [#42] Imprimante\n\nAvez-vous redémarré ?\n',
    expected: 'Toujours en panne.',
  },
  'German Outlook': {
    input:
      'Geht wieder.\n\nVon: Switchboard Helpdesk <support@helpdesk.example>\nGesendet: Montag, 4. März 2024 10:12\nAn: Melissa Jones\nBetreff: [#42] Drucker\n\nBitte neu starten.\n',
    expected: 'Geht wieder.',
  },
  'Android and Outlook mobile signatures': {
    input: 'On my way to the office now.\n\nGet Outlook for Android\n',
    expected: 'On my way to the office now.',
  },
  'the "-- " signature delimiter': {
    input: 'Please call me back.\n\n-- \nMelissa Jones\nAcme Corp, +1 555 0100\n',
    expected: 'Please call me back.',
  },
  'inline answers between quotes keep the new lines only': {
    input: '> Which floor?\nThird floor.\n> Which printer?\nThe big one by the window.\n',
    expected: 'Third floor.\nThe big one by the window.',
  },
  'a plain new message is kept as written': {
    input: 'Hello,\n\nthe printer on the 3rd floor smokes.\nOn Monday it worked.\n\nMelissa',
    expected: 'Hello,\n\nthe printer on the 3rd floor smokes.\nOn Monday it worked.\n\nMelissa',
  },
};

describe('extractReply', () => {
  for (const [client, { input, expected }] of Object.entries(samples)) {
    it(`strips quoted history and signatures: ${client}`, () => {
      const result = extractReply(input);
      expect(result.text).toBe(expected);
      expect(result.stripped).toBe(expected !== input.replace(/\r\n/g, '\n').trim());
    });
  }

  it('keeps the whole text when stripping would leave nothing', () => {
    const input = '> only a quote\n> nothing new\n';
    expect(extractReply(input)).toEqual({ text: input.trim(), stripped: false });
  });
});
