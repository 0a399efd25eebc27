import type { PluginContext, SentimentMessage, SentimentResult } from '@switchboard/plugin-sdk';
import { classifyEmbedded } from './embedded-classifier.js';

const SYSTEM =
  'You classify the sentiment of a helpdesk end user. Read their latest messages (oldest first). ' +
  'Answer with exactly one lower-case word: positive, negative or neutral. No punctuation, no explanation.';
const SCORES = { positive: 0.6, negative: -0.6, neutral: 0 } as const;

/**
 * The installation's LLM (ctx.ai.complete, answered by the compose provider). Any failure — no
 * provider, provider error, timeout, an answer that is not one of the three words — falls back to the
 * embedded classifier, so a ticket always gets a value.
 */
export async function classifyWithLlm(
  ctx: PluginContext,
  messages: SentimentMessage[],
  signal: AbortSignal,
): Promise<SentimentResult> {
  const embedded = classifyEmbedded(messages);
  try {
    const prompt = messages.map((m, i) => `Message ${i + 1}:\n${m.text}`).join('\n\n');
    const answer = await ctx.ai.complete({ system: SYSTEM, prompt, maxTokens: 3 }, { signal });
    const word = answer
      .trim()
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    if (word === 'positive' || word === 'negative' || word === 'neutral') {
      // The model gives the label; the embedded score keeps a magnitude when it agrees in sign.
      const agrees = embedded.label === word;
      return { label: word, score: agrees ? embedded.score : SCORES[word] };
    }
    ctx.logger.warn('LLM sentiment answer was not one word of the three; embedded classifier used', {
      answer: answer.slice(0, 40),
    });
  } catch (error) {
    ctx.logger.warn('LLM sentiment failed; embedded classifier used', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return embedded;
}
