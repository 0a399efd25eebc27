export type PortalLanguage = 'en' | 'fr';

/** The language of a request: an explicit choice, else the browser's Accept-Language, else English. */
export function portalLanguage(explicit?: string | null, acceptLanguage?: string | null): PortalLanguage {
  const pick = (value: string) => (value.trim().toLowerCase().startsWith('fr') ? 'fr' : 'en');
  if (explicit) return pick(explicit);
  const first = (acceptLanguage ?? '').split(',')[0];
  return first ? pick(first) : 'en';
}
