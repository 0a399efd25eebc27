import { definePlugin } from '@switchboard/plugin-sdk';
import { classifyEmbedded } from './embedded-classifier.js';
import { classifyWithLlm } from './llm-classifier.js';

/**
 * The end user's sentiment on ongoing tickets. The core calls `classify` with the latest end-user
 * messages (masked, never internal notes or technician replies) when an end user comments, and stores
 * the label on the ticket. Default engine: an embedded English/French rule classifier (VADER for
 * English vocabulary, AFINN-fr-165 for French, plus helpdesk rules: negation, intensifiers, capitals,
 * "!!!", contrast, sarcastic openers) — no network, no model. Engine `llm` asks the installation's
 * compose provider through ctx.ai.complete and falls back to the embedded one on any failure.
 */
export default definePlugin({
  manifest: {
    id: 'feature-sentiment',
    version: '1.0.0',
    apiVersion: '^1.4.0',
    kind: 'feature',
    name: 'Ticket sentiment',
    description: "Classifies the end user's sentiment (positive, negative, neutral) from their latest messages.",
    // ai.complete only for engine "llm" (the installation's compose provider answers it).
    permissions: ['ai.sentiment', 'ai.complete'],
    settings: [
      {
        key: 'engine',
        type: 'select',
        label: 'Engine',
        options: [
          { value: 'embedded', label: 'Embedded (English and French, no network)' },
          { value: 'llm', label: "The installation's AI model (Compose with AI provider), embedded as fallback" },
        ],
        default: 'embedded',
      },
    ],
  },
  register(host, ctx) {
    host.provide('sentiment', {
      async classify(messages, { signal }) {
        if (ctx.settings.get<string>('engine') === 'llm') return classifyWithLlm(ctx, messages, signal);
        return classifyEmbedded(messages);
      },
    });
  },
});
