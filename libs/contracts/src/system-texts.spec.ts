import {
  AGENT_CHAT_END_LINES,
  CHAT_LINES,
  fillLine,
  isLine,
  PORTAL_CUSTOMER_ENDED_LINE,
  SCREEN_SHARE_LINES,
  translateLine,
} from './system-texts.js';

describe('system lines in two languages', () => {
  it('fills placeholders in every language', () => {
    expect(fillLine(CHAT_LINES.joined, { name: 'Ada' })).toEqual({
      en: 'Ada joined the chat',
      fr: 'Ada a rejoint la discussion',
    });
  });

  it('recognises a line in either language', () => {
    expect(isLine('Le client a mis fin à la conversation', PORTAL_CUSTOMER_ENDED_LINE)).toBe(true);
    expect(isLine(' The customer ended the conversation ', PORTAL_CUSTOMER_ENDED_LINE)).toBe(true);
    expect(isLine('The customer left', PORTAL_CUSTOMER_ENDED_LINE)).toBe(false);
  });

  it("translates a stored line into the reader's language, placeholders kept", () => {
    expect(translateLine('Ada a rejoint la discussion', 'en')).toBe('Ada joined the chat');
    expect(translateLine("Partage d'écran arrêté par Jean Roy.", 'en')).toBe(
      fillLine(SCREEN_SHARE_LINES.ended_by_technician, { name: 'Jean Roy' }).en,
    );
    expect(translateLine('Ticket #42 was opened for this chat', 'fr')).toBe(
      'Le ticket n° 42 a été ouvert pour ce chat',
    );
    expect(translateLine(AGENT_CHAT_END_LINES.idle.fr, 'en')).toBe(AGENT_CHAT_END_LINES.idle.en);
  });

  it('leaves other text alone', () => {
    expect(translateLine('My printer is on fire', 'fr')).toBe('My printer is on fire');
  });

  it('has the same placeholders in both languages of every line', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const line of [...Object.values(CHAT_LINES), ...Object.values(SCREEN_SHARE_LINES)])
      expect(names(line.fr)).toEqual(names(line.en));
  });
});
