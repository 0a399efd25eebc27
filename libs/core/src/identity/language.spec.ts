import { isLanguage, pickLanguage } from './language.js';

describe('pickLanguage (Accept-Language)', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE,de;q=0.9,fr;q=0.5,en;q=0.4', 'fr'],
    ['en-GB,fr;q=0.9', 'en'],
    ['fr;q=0.2,en;q=0.9', 'en'],
    ['FR-ca', 'fr'],
    ['de,es', 'en'],
    ['fr;q=0', 'en'],
  ])('%p → %s', (header, expected) => {
    expect(pickLanguage(header)).toBe(expected);
  });

  it('knows only en and fr', () => {
    expect(isLanguage('fr')).toBe(true);
    expect(isLanguage('de')).toBe(false);
    expect(isLanguage(null)).toBe(false);
  });
});
