// The sentiment feature's strings (#17), English and French from the browser language. The console
// has no translation layer yet (#16): this typed dictionary is meant to be absorbed by it.

const en = {
  sentiment: 'Sentiment',
  positive: 'Positive',
  negative: 'Negative',
  neutral: 'Neutral',
  none: 'None',
  any: 'Any',
  changed: 'changed the sentiment from {from} to {to}',
  badgeTitle: "The end user's sentiment, from their latest messages",
};

const fr: typeof en = {
  sentiment: 'Ressenti',
  positive: 'Positif',
  negative: 'Négatif',
  neutral: 'Neutre',
  none: 'Aucun',
  any: 'Tous',
  changed: 'a changé le ressenti de {from} à {to}',
  badgeTitle: "Le ressenti de l'utilisateur, d'après ses derniers messages",
};

export type SentimentStrings = typeof en;
export const SENTIMENT_STRINGS = { en, fr } as const;

const lang = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';

export function st(key: keyof SentimentStrings, vars: Record<string, string> = {}): string {
  return SENTIMENT_STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}

export const SENTIMENT_VALUES = ['positive', 'neutral', 'negative'] as const;

/** The label of a stored value ("none" for null or unknown). */
export function sentimentLabel(value: unknown): string {
  return value === 'positive' || value === 'negative' || value === 'neutral' ? st(value) : st('none');
}
