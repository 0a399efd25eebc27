import { setLanguage } from './i18n';
import { localLabel } from './label';

describe('localLabel', () => {
  afterEach(() => setLanguage('en'));

  it('shows the French label to French readers when there is one', () => {
    expect(localLabel({ name: 'Waiting on vendor', nameFr: 'En attente du fournisseur' }, 'fr')).toBe(
      'En attente du fournisseur',
    );
    expect(localLabel({ label: 'Password reset', labelFr: 'Mot de passe' }, 'fr')).toBe('Mot de passe');
  });

  it('shows the default label in English, or when the French one is missing or blank', () => {
    expect(localLabel({ name: 'Waiting on vendor', nameFr: 'En attente du fournisseur' }, 'en')).toBe(
      'Waiting on vendor',
    );
    expect(localLabel({ name: 'Waiting on vendor', nameFr: null }, 'fr')).toBe('Waiting on vendor');
    expect(localLabel({ name: 'Waiting on vendor' }, 'fr')).toBe('Waiting on vendor');
    expect(localLabel({ label: 'Password reset', labelFr: '  ' }, 'fr')).toBe('Password reset');
  });

  it('follows the console language when none is given', () => {
    const item = { name: 'Open', nameFr: 'Ouvert' };
    setLanguage('fr');
    expect(localLabel(item)).toBe('Ouvert');
    setLanguage('en');
    expect(localLabel(item)).toBe('Open');
  });
});
