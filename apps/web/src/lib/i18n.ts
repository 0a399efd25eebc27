// The console's and the portal's one translation layer (#16): typed catalogues per language
// (`defineMessages(en, fr)`: a key missing in French, or one French has and English lacks, fails
// the build), `{name}` placeholders and ICU-style plurals (`{count, plural, one {# ticket} other {#
// tickets}}`, the forms chosen by Intl.PluralRules), dates and numbers through Intl. The language is
// read at each call, so a switch (profile menu) re-renders in the new language without a reload.
// No library: the ICU subset we use is a few lines, and the technician's first load stays small.

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

// Through globalThis with the few fields used: the module also runs in node (its unit spec).
const host = globalThis as {
  navigator?: { languages?: readonly string[]; language?: string };
  document?: { documentElement: { lang: string } };
};

/** The browser's best match among our languages (English when it names none of them). */
export function browserLanguage(): Language {
  const nav = host.navigator;
  const tags = nav ? [...(nav.languages ?? []), nav.language] : [];
  for (const tag of tags) {
    const base = (tag ?? '').toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

let current: Language = browserLanguage();
const listeners = new Set<(language: Language) => void>();

export function language(): Language {
  return current;
}

/** The account's choice (or the browser's): `<html lang>` follows, and so does every screen. */
export function setLanguage(next: Language): void {
  if (host.document) host.document.documentElement.lang = next;
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener(next);
}

export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Vars = Record<string, string | number>;

const PLURAL = /\{(\w+),\s*plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/** Fills `{name}` placeholders and `{n, plural, one {…} other {…}}` blocks (`#` is the number). */
export function formatMessage(message: string, vars: Vars = {}, lang: Language = current): string {
  const withPlurals = message.replace(PLURAL, (_, name: string, body: string) => {
    const n = Number(vars[name] ?? 0);
    const forms = new Map([...body.matchAll(FORM)].map((m) => [m[1], m[2]]));
    const form = forms.get(`=${n}`) ?? forms.get(new Intl.PluralRules(lang).select(n)) ?? forms.get('other') ?? '';
    return form.replace(/#/g, new Intl.NumberFormat(lang).format(n));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export interface Catalogue<T extends Record<string, string>> {
  /** The string of `key` in the current language, placeholders filled. */
  t(key: keyof T & string, vars?: Vars): string;
  /** A key built at run time (a setting, a status): its string, or `fallback` when unknown. */
  tOr(key: string, fallback: string, vars?: Vars): string;
  readonly messages: { readonly en: T; readonly fr: Readonly<Record<keyof T, string>> };
}

/** One area's strings; French must have exactly English's keys (checked by the compiler). */
export function defineMessages<T extends Record<string, string>>(en: T, fr: { [K in keyof T]: string }): Catalogue<T> {
  const tables: Record<Language, Record<string, string>> = { en, fr };
  return {
    t: (key, vars) => formatMessage(tables[current][key] ?? en[key], vars),
    tOr: (key, fallback, vars) => formatMessage(tables[current][key] ?? en[key] ?? fallback, vars),
    messages: { en, fr },
  };
}

/** Dates, times and numbers in the current language. */
export const formatDate = (iso: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }) =>
  new Intl.DateTimeFormat(current, options).format(new Date(iso));
export const formatNumber = (n: number, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(current, options).format(n);
