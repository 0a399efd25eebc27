import { pickLang, text, TEXTS } from './agent-texts';

describe('desktop agent texts', () => {
  it('has every text in English and French, with the same placeholders', () => {
    expect(Object.keys(TEXTS.fr).sort()).toEqual(Object.keys(TEXTS.en).sort());
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(TEXTS.en) as (keyof typeof TEXTS.en)[]) {
      expect(TEXTS.fr[key].trim()).not.toBe('');
      expect(vars(TEXTS.fr[key])).toEqual(vars(TEXTS.en[key]));
    }
  });

  it('picks the language: --lang, then SWITCHBOARD_AGENT_LANG, then the system locale', () => {
    expect(pickLang(['--lang', 'fr'], { SWITCHBOARD_AGENT_LANG: 'en' }, 'en-US')).toBe('fr');
    expect(pickLang(['--lang=en'], { LANG: 'fr_FR.UTF-8' }, 'fr-FR')).toBe('en');
    expect(pickLang([], { SWITCHBOARD_AGENT_LANG: 'fr' }, 'en-US')).toBe('fr');
    expect(pickLang([], { LANG: 'fr_CA.UTF-8' }, 'en-US')).toBe('fr');
    expect(pickLang([], {}, 'fr-BE')).toBe('fr');
    expect(pickLang([], {}, 'de-DE')).toBe('en');
    expect(pickLang([], { LANG: 'C.UTF-8' }, 'fr-FR')).toBe('en');
  });

  it('fills placeholders', () => {
    expect(text('fr', 'requestText', { name: 'Ana' })).toBe('Ana souhaite discuter avec vous.');
    expect(text('en', 'ticketCreated', { number: 12 })).toBe(
      'Ticket #12 was created. A technician will get back to you.',
    );
  });
});
