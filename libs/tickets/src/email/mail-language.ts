import { isLanguage, type Language } from '@switchboard/core';
// tinyld: pure JS, no dependencies, CommonJS (franc-min is ESM-only, which jest would need
// transform exceptions for), and it ranks all languages so a German mail is not forced to en/fr.
import { detectAll } from 'tinyld';

/** Shorter texts ("ok", "Printer broken") say too little about their language. */
const MIN_LETTERS = 20;
const MIN_ACCURACY = 0.5;

/**
 * The language of a mail's own words when it is clearly one of ours; null when it is too short,
 * unclear, or another language (the company's default then applies).
 */
export function detectMailLanguage(text: string): Language | null {
  const words = text
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('>'))
    .join('\n')
    .slice(0, 4000);
  if (words.replace(/[^\p{L}]/gu, '').length < MIN_LETTERS) return null;
  const [best] = detectAll(words);
  return best && best.accuracy >= MIN_ACCURACY && isLanguage(best.lang) ? best.lang : null;
}
