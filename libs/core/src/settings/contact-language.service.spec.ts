import { ContactLanguageService } from './contact-language.service.js';
import type { SettingsService } from './settings.service.js';

describe('ContactLanguageService', () => {
  const byCompany: Record<string, string> = { fr: 'fr', odd: 'de' };
  const settings = {
    get: jest.fn(async (_key: string, companyId: string | null) => (companyId && byCompany[companyId]) || 'en'),
  } as unknown as SettingsService;
  const service = new ContactLanguageService(settings);

  it("uses the contact's own language first", async () => {
    expect(await service.forContact({ language: 'fr', companyId: 'en-co' })).toBe('fr');
  });

  it("falls back to the contact's company default, then to the given company", async () => {
    expect(await service.forContact({ language: null, companyId: 'fr' })).toBe('fr');
    expect(await service.forContact(null, 'fr')).toBe('fr');
    expect(await service.forContact(undefined, null)).toBe('en');
  });

  it('ignores a stored value that is not one of our languages', async () => {
    expect(await service.forContact({ language: 'xx', companyId: 'odd' })).toBe('en');
  });
});
