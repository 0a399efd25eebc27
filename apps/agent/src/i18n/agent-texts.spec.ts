import { errorText, fileSize, LanguageError, pickLanguage, text, TEXTS, withoutLanguageFlag } from './agent-texts';

describe('helpdesk agent texts', () => {
  it('has every text in English and French, with the same placeholders', () => {
    expect(Object.keys(TEXTS.fr).sort()).toEqual(Object.keys(TEXTS.en).sort());
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(TEXTS.en) as (keyof typeof TEXTS.en)[]) {
      expect(TEXTS.fr[key].trim()).not.toBe('');
      expect([key, vars(TEXTS.fr[key])]).toEqual([key, vars(TEXTS.en[key])]);
    }
  });

  it('picks the language: the flag, then SWITCHBOARD_AGENT_LANGUAGE, then LC_ALL, LC_MESSAGES, LANG, then Intl', () => {
    expect(pickLanguage(['--language', 'fr'], { SWITCHBOARD_AGENT_LANGUAGE: 'en', LANG: 'en_US' }, 'en-US')).toBe('fr');
    expect(pickLanguage(['chat', '--language=en'], { SWITCHBOARD_AGENT_LANGUAGE: 'fr' }, 'fr-FR')).toBe('en');
    expect(pickLanguage(['--lang', 'fr'], {}, 'en-US')).toBe('fr'); // the older spelling still works
    expect(pickLanguage([], { SWITCHBOARD_AGENT_LANGUAGE: 'fr', LC_ALL: 'en_US.UTF-8' }, 'en-US')).toBe('fr');
    expect(pickLanguage([], { LC_ALL: 'fr_FR.UTF-8', LANG: 'en_US.UTF-8' }, 'en-US')).toBe('fr');
    expect(pickLanguage([], { LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'fr_FR' }, 'fr-FR')).toBe('en');
    expect(pickLanguage([], { LC_MESSAGES: 'fr_BE.UTF-8', LANG: 'en_GB' }, 'en-US')).toBe('fr');
    expect(pickLanguage([], { LC_ALL: '', LANG: 'fr_CA.UTF-8' }, 'en-US')).toBe('fr');
    expect(pickLanguage([], { LANG: 'C.UTF-8' }, 'fr-FR')).toBe('en');
    expect(pickLanguage([], {}, 'fr-BE')).toBe('fr');
    expect(pickLanguage([], {}, 'de-DE')).toBe('en');
  });

  it('refuses other values of the flag or the variable, naming them', () => {
    expect(() => pickLanguage(['--language', 'de'], {}, 'en-US')).toThrow(LanguageError);
    expect(() => pickLanguage(['--language', 'de'], {}, 'en-US')).toThrow('--language takes en or fr (got "de")');
    expect(() => pickLanguage(['--language'], {}, 'en-US')).toThrow('--language takes en or fr (got "")');
    expect(() => pickLanguage([], { SWITCHBOARD_AGENT_LANGUAGE: 'klingon' }, 'en-US')).toThrow(
      'SWITCHBOARD_AGENT_LANGUAGE must be en or fr (got "klingon")',
    );
  });

  it('takes the flag out of the command line', () => {
    expect(withoutLanguageFlag(['--language', 'fr', 'chat', '--events'])).toEqual(['chat', '--events']);
    expect(withoutLanguageFlag(['desktop', '--lang=fr', '--no-tray'])).toEqual(['desktop', '--no-tray']);
  });

  it('fills placeholders, words known server error codes, formats sizes', () => {
    expect(text('fr', 'requestText', { name: 'Ana' })).toBe('Ana souhaite discuter avec vous.');
    expect(text('en', 'ticketCreated', { number: 12 })).toBe(
      'Ticket #12 was created. A technician will get back to you.',
    );
    expect(errorText('fr', { code: 'INVALID_TOKEN', message: 'This confirmation code is not valid' })).toBe(
      "Ce code de confirmation n'est pas valide ou a expiré ; demandez-en un nouveau.",
    );
    expect(errorText('fr', { code: 'SOMETHING_ELSE', message: 'As the server said' })).toBe('As the server said');
    expect(fileSize('fr', 3 * 1024 * 1024)).toBe('3.0 Mo');
    expect(fileSize('en', 2048)).toBe('2 KB');
  });
});
