// The sentiment feature's strings (#17), English and French on the console translation layer
// (lib/i18n.ts, #16).
import { defineMessages, type Vars } from './i18n';

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

const fr: { [K in keyof typeof en]: string } = {
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
export const sentimentMessages = defineMessages(en, fr);
export const SENTIMENT_STRINGS = sentimentMessages.messages;

/** Kept for the call sites: a thin wrapper over the catalogue, so the language is read at each call. */
export function st(key: keyof SentimentStrings, vars?: Vars): string {
  return sentimentMessages.t(key, vars);
}

export const SENTIMENT_VALUES = ['positive', 'neutral', 'negative'] as const;

/** The label of a stored value ("none" for null or unknown). */
export function sentimentLabel(value: unknown): string {
  return value === 'positive' || value === 'negative' || value === 'neutral' ? st(value) : st('none');
}
