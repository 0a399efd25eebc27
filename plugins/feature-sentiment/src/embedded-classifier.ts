import type { SentimentLabel, SentimentMessage, SentimentResult } from '@switchboard/plugin-sdk';
import afinnFr from 'sentiment-fr';
import { SentimentIntensityAnalyzer } from 'vader-sentiment';
import { EN_RULES, FR_RULES, type LanguageRules } from './helpdesk-lexicon.js';
import { languageOf } from './language.js';

/** |score| below this is neutral (on the -1..1 scale). */
const NEUTRAL_BAND = 0.2;
/** Newer messages weigh more: the latest 1, the one before 0.5, then 0.25, ... */
const RECENCY_DECAY = 0.5;

// French: AFINN-fr-165 with the helpdesk words on top (they win where both have an entry).
const FR_WORDS: Record<string, number> = { ...afinnFr, ...FR_RULES.words };
const LEXICON = { en: EN_RULES.words, fr: FR_WORDS };
const RULES = { en: EN_RULES, fr: FR_RULES };

interface Token {
  word: string;
  caps: boolean;
  /** Score from a matched phrase (the phrase's words are not scored again). */
  phrase?: number;
  sentenceStart: boolean;
}

function tokenize(text: string, rules: LanguageRules): Token[] {
  let lower = text.toLowerCase().replace(/[’`]/g, "'");
  const phraseScores: number[] = [];
  for (const [pattern, score] of rules.phrases)
    lower = lower.replace(pattern, () => ` phrase${phraseScores.push(score) - 1}x `);
  const originals = text.replace(/[’`]/g, "'").split(/\s+/);
  const tokens: Token[] = [];
  let sentenceStart = true;
  // French elisions (n', j', l', c', qu') split off so "n'a" reads as "n'" + "a".
  for (const raw of lower.split(/\s+/)) {
    const ends = /[.!?;:]$/.test(raw);
    for (const part of raw.split(/(?<=\b(?:n|j|l|c|d|qu|s|m|t)')/)) {
      const word = part.replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, '');
      if (!word) continue;
      const match = /^phrase(\d+)x$/.exec(word);
      tokens.push({ word, caps: false, phrase: match ? phraseScores[Number(match[1])] : undefined, sentenceStart });
      sentenceStart = false;
    }
    if (ends || /,$/.test(raw)) sentenceStart = true;
  }
  // Emphasis: words written in capitals in the original (phrases excluded).
  const capsWords = new Set(
    originals
      .map((w) => w.replace(/[^\p{L}]/gu, ''))
      .filter((w) => w.length >= 2 && w === w.toUpperCase() && /\p{Lu}/u.test(w)),
  );
  for (const t of tokens) if (capsWords.has(t.word.toUpperCase())) t.caps = true;
  return tokens;
}

/** Rule-based score of one message on the AFINN scale (unbounded), before normalisation. */
function rawScore(text: string, language: 'en' | 'fr'): { sum: number; sarcasm: boolean } {
  const rules = RULES[language];
  const lexicon = LEXICON[language];
  const tokens = tokenize(text, rules);
  const negated = new Array<boolean>(tokens.length).fill(false);
  tokens.forEach((t, i) => {
    if (language === 'fr') {
      if (t.word === 'ne' || t.word === "n'") {
        // "ne ... pas/plus/jamais/rien": everything up to the closing word, plus the word after it.
        const end = tokens.findIndex(
          (u, j) =>
            j > i && j <= i + 5 && ['pas', 'plus', 'jamais', 'rien', 'personne', 'aucun', 'aucune'].includes(u.word),
        );
        if (end > 0) for (let j = i + 1; j <= Math.min(end + 2, tokens.length - 1); j++) negated[j] = true;
      } else if (
        ['pas', 'jamais', 'sans'].includes(t.word) &&
        !tokens.slice(Math.max(0, i - 5), i).some((u) => u.word === 'ne' || u.word === "n'")
      ) {
        // Spoken French drops the "ne": "ça marche pas" negates the verb before, "pas bon" the word after.
        for (let j = Math.max(0, i - 2); j <= Math.min(i + 2, tokens.length - 1); j++) negated[j] = true;
      }
    } else if (rules.negators.has(t.word) || t.word.endsWith("n't")) {
      for (let j = i + 1; j <= Math.min(i + 3, tokens.length - 1); j++) negated[j] = true;
    }
  });
  const contrastAt = tokens.findIndex((t) => rules.contrast.has(t.word));
  let positive = 0;
  let negative = 0;
  let interjections = 0;
  tokens.forEach((t, i) => {
    let s = t.phrase ?? lexicon[t.word] ?? 0;
    if (!s) return;
    const prev = tokens[i - 1];
    if (prev && rules.intensifiers[prev.word]) s *= rules.intensifiers[prev.word];
    if (t.caps) s *= 1.5;
    // A negated positive is a reported failure ("not working"); a negated negative only softens.
    if (negated[i] && t.phrase === undefined) s *= s > 0 ? -1 : -0.5;
    if (contrastAt >= 0) s *= i < contrastAt ? 0.5 : 1.5;
    // An enthusiastic word opening a sentence ("Great, now it's broken") is counted apart: sarcasm check below.
    if (s > 0 && t.sentenceStart && rules.interjections.has(t.word) && !negated[i]) interjections += s;
    else if (s > 0) positive += s;
    else negative += s;
  });
  // Sarcasm cue: cheerful opener + a reported problem and no contrast word → the opener is ironic.
  const sarcasm = interjections > 0 && negative + positive <= -1 && contrastAt < 0;
  if (sarcasm) negative -= interjections * 0.5 + positive;
  else positive += interjections;
  if (sarcasm) positive = 0;
  let sum = positive + negative;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length >= 8 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.6;
  if (shouting) sum = sum * 1.5 - 2;
  if (/[!?]{2,}/.test(text)) sum *= 1.3;
  return { sum, sarcasm };
}

const normalise = (sum: number) => sum / Math.sqrt(sum * sum + 15);

/** Score of one message, -1..1. English adds VADER's compound (general vocabulary, emoticons, boosters). */
export function scoreMessage(text: string, language: 'en' | 'fr'): number {
  const { sum, sarcasm } = rawScore(text, language);
  const own = normalise(sum);
  // VADER would read the ironic opener as praise: the own rules decide alone then.
  if (language === 'fr' || sarcasm) return own;
  // VADER misses upper-case negations ("NOT good" scores positive): give it lower-cased negators.
  const vaderText = text.replace(/\b(NOT|NO|NEVER|NOTHING|NOBODY|[A-Z]+N'T)\b/g, (w) => w.toLowerCase());
  const vader = SentimentIntensityAnalyzer.polarity_scores(vaderText).compound;
  return Math.max(-1, Math.min(1, own * 0.6 + vader * 0.4));
}

export function labelOf(score: number): SentimentLabel {
  return score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral';
}

/** The end user's sentiment over the latest messages (oldest first), newest weighing most. */
export function classifyEmbedded(messages: SentimentMessage[]): SentimentResult {
  let total = 0;
  let weights = 0;
  let weight = 1;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (!m.text.trim()) continue;
    total += scoreMessage(m.text, languageOf(m.text, m.language)) * weight;
    weights += weight;
    weight *= RECENCY_DECAY;
  }
  const score = weights ? Math.round((total / weights) * 1000) / 1000 : 0;
  return { label: labelOf(score), score };
}
