import { apiErrorText } from './api-errors.i18n';
import { setLanguage } from './i18n';

describe('API error messages', () => {
  afterEach(() => setLanguage('en'));

  it("keeps the server's specific English message in English", () => {
    expect(apiErrorText('CASE_ALREADY_ASSIGNED', 'This case was just assigned to Ada')).toBe(
      'This case was just assigned to Ada',
    );
  });

  it("shows the code's message in French, and the server's for an unknown code", () => {
    setLanguage('fr');
    expect(apiErrorText('CASE_ALREADY_ASSIGNED', 'This case was just assigned to Ada')).toBe(
      "Ce cas vient d'être attribué à un autre technicien.",
    );
    expect(apiErrorText('SOMETHING_NEW', 'Server words')).toBe('Server words');
    expect(apiErrorText(null, 'Server words')).toBe('Server words');
    // A refused input keeps the server's words, which name the field.
    expect(apiErrorText('VALIDATION_FAILED', 'signature must be at most 1000 characters')).toBe(
      'Certains champs ne sont pas valides (signature must be at most 1000 characters)',
    );
  });
});
