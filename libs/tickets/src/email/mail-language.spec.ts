import { detectMailLanguage } from './mail-language.js';

describe('detectMailLanguage', () => {
  it('recognises French and English mails', () => {
    expect(detectMailLanguage("Bonjour, mon imprimante ne marche plus depuis ce matin. Pouvez-vous m'aider ?")).toBe(
      'fr',
    );
    expect(detectMailLanguage('Hello, my printer stopped working this morning. Can you help?')).toBe('en');
  });

  it('says nothing for short texts and for other languages', () => {
    expect(detectMailLanguage('ok')).toBeNull();
    expect(detectMailLanguage('Printer broken')).toBeNull();
    expect(detectMailLanguage('Hallo, mein Drucker funktioniert seit heute Morgen nicht mehr.')).toBeNull();
  });

  it('ignores quoted lines of an earlier message', () => {
    const quoted = '> Hello, my printer stopped working this morning. Can you help me please?\n'.repeat(5);
    expect(detectMailLanguage(`${quoted}Merci beaucoup, tout fonctionne de nouveau parfaitement.`)).toBe('fr');
  });
});
