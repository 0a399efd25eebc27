/** An entity finder: the masking engine's `detect` (all types the engine knows). */
export type EntityFinder = (text: string) => Array<{ type: string; start: number; end: number }>;

/** Placeholder labels a model reads easily; unknown engine types keep their own name. */
const LABELS: Record<string, string> = {
  CREDIT_CARD: 'CARD',
  IBAN: 'IBAN',
  US_SSN: 'SSN',
  EMAIL: 'EMAIL',
  PHONE: 'PHONE',
};
const PLACEHOLDER = /\[([A-Z_]+)-(\d{1,4})\]/g;

/**
 * The masking of one AI call (#17): every card number, IBAN, SSN, email and phone number in the
 * prompt becomes a stable placeholder (`[CARD-1]`; the same value gets the same placeholder across
 * the whole call), so the model can still refer to "the card" without ever seeing it. The map from
 * placeholders back to values stays on the server, in this object, for the life of the call.
 * `restore` puts values back into the model's answer through `reveal`, which decides what the
 * technician may see (the display-masked value where their view is masked).
 */
export class PromptPlaceholders {
  private readonly byValue = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly find: EntityFinder) {}

  mask(text: string): string {
    if (!text) return text;
    let out = '';
    let at = 0;
    for (const entity of this.find(text)) {
      if (entity.start < at) continue; // engines return non-overlapping spans; stay safe anyway
      out += text.slice(at, entity.start) + this.placeholderFor(entity.type, text.slice(entity.start, entity.end));
      at = entity.end;
    }
    return out + text.slice(at);
  }

  /** Placeholders the model kept (or invented) become `reveal(value)`; unknown ones stay as written. */
  restore(text: string, reveal: (value: string) => string): string {
    return text.replace(PLACEHOLDER, (whole) => {
      const value = this.byPlaceholder.get(whole);
      return value === undefined ? whole : reveal(value);
    });
  }

  /** How many distinct values were hidden (for logs and tests, never the values). */
  get size(): number {
    return this.byValue.size;
  }

  private placeholderFor(type: string, value: string): string {
    // One value, one placeholder: "4111 1111 1111 1111" and "4111111111111111" are the same card.
    const key = `${type}:${type === 'EMAIL' ? value.toLowerCase() : value.replace(/[\s.\-()/]/g, '')}`;
    const known = this.byValue.get(key);
    if (known) return known;
    const label = LABELS[type] ?? type;
    const n = (this.counters.get(label) ?? 0) + 1;
    this.counters.set(label, n);
    const placeholder = `[${label}-${n}]`;
    this.byValue.set(key, placeholder);
    this.byPlaceholder.set(placeholder, value);
    return placeholder;
  }
}
