import { defineMessages, formatMessage, language, onLanguageChange, setLanguage } from './i18n';

describe('web translation layer', () => {
  afterEach(() => setLanguage('en'));

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Hello {name}, {missing}', { name: 'Ada' })).toBe('Hello Ada, {missing}');
  });

  it('picks plural forms by language (French: 0 and 1 are singular)', () => {
    const m = '{count, plural, =0 {no ticket} one {# ticket} other {# tickets}}';
    expect(formatMessage(m, { count: 0 }, 'en')).toBe('no ticket');
    expect(formatMessage(m, { count: 1 }, 'en')).toBe('1 ticket');
    expect(formatMessage(m, { count: 1200 }, 'en')).toBe('1,200 tickets');
    const fr = '{count, plural, one {# ticket} other {# tickets}}';
    expect(formatMessage(fr, { count: 0 }, 'fr')).toBe('0 ticket');
    expect(formatMessage(fr, { count: 1200 }, 'fr')).toBe('1\u202f200 tickets');
  });

  it('reads the language at each call, so a switch changes every catalogue at once', () => {
    const seen: string[] = [];
    const off = onLanguageChange((l) => seen.push(l));
    const c = defineMessages({ hi: 'Hello {name}' }, { hi: 'Bonjour {name}' });
    expect(c.t('hi', { name: 'Ada' })).toBe('Hello Ada');
    setLanguage('fr');
    expect(language()).toBe('fr');
    expect(c.t('hi', { name: 'Ada' })).toBe('Bonjour Ada');
    expect(c.tOr('nope', 'fallback')).toBe('fallback');
    off();
    expect(seen).toEqual(['fr']);
  });
});
