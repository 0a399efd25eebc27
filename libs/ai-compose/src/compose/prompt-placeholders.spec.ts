import { detect } from '@switchboard/masking';
import { PromptPlaceholders } from './prompt-placeholders.js';

// The real detectors (a spec may use the sibling lib; the service gets them through the core's engine port).
const find = (text: string) => detect(text);

describe('PromptPlaceholders', () => {
  it('replaces every kind of entity with a stable placeholder, the same value with the same one', () => {
    const p = new PromptPlaceholders(find);
    const masked = p.mask(
      'Card 4111 1111 1111 1111, again 4111111111111111. IBAN FR76 3000 6000 0112 3456 7890 189. ' +
        'Mail jane.doe@example.com or JANE.DOE@example.com, SSN 078-05-1120, call +33 6 12 34 56 78.',
    );
    expect(masked).toBe(
      'Card [CARD-1], again [CARD-1]. IBAN [IBAN-1]. Mail [EMAIL-1] or [EMAIL-1], SSN [SSN-1], call [PHONE-1].',
    );
    expect(p.size).toBe(5);
    // Counters carry across calls on the same object (one AI call = one object).
    expect(p.mask('Autre carte : 5555 5555 5555 4444')).toBe('Autre carte : [CARD-2]');
  });

  it('restores what the model kept through the reveal function, and leaves unknown placeholders alone', () => {
    const p = new PromptPlaceholders(find);
    p.mask('Merci de rembourser la carte 4111 1111 1111 1111 et écrire à paul@example.fr');
    const draft = 'Nous remboursons [CARD-1] et écrivons à [EMAIL-1] ; voir [CARD-9].';
    expect(p.restore(draft, (v) => v)).toBe(
      'Nous remboursons 4111 1111 1111 1111 et écrivons à paul@example.fr ; voir [CARD-9].',
    );
    expect(p.restore(draft, (v) => (v.includes('@') ? '***' : '****'))).toBe(
      'Nous remboursons **** et écrivons à *** ; voir [CARD-9].',
    );
  });

  it('leaves text without entities untouched', () => {
    const p = new PromptPlaceholders(find);
    expect(p.mask('The printer on floor 2 is jammed since 9:30.')).toBe('The printer on floor 2 is jammed since 9:30.');
    expect(p.size).toBe(0);
  });
});
