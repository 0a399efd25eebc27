/** The languages the product speaks (UI, mails, automatic texts). English is the fallback. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * The best of our languages for an `Accept-Language` header (`fr-CA,fr;q=0.9,en;q=0.8`), by
 * quality then order; English when the header names none of ours.
 */
export function pickLanguage(acceptLanguage: string | undefined | null): Language {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  const ranked = acceptLanguage
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { base: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q[1]) : 1, i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((r) => r.base).find(isLanguage) ?? DEFAULT_LANGUAGE;
}

/** An account view with the language to use now: the chosen one, else the browser's best match. */
export function withLanguage<T extends { language: Language | null }>(
  account: T,
  acceptLanguage: string | undefined,
): Omit<T, 'language'> & { language: Language; languageSource: 'account' | 'browser' } {
  return {
    ...account,
    language: account.language ?? pickLanguage(acceptLanguage),
    languageSource: account.language ? 'account' : 'browser',
  };
}
