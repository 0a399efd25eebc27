import { definePlugin } from '@switchboard/plugin-sdk';
import { openAiCompatibleProvider } from './openai-provider.js';

/**
 * Compose with AI on the reply box: generate a reply, rephrase, more casual, more formal, through
 * any OpenAI-compatible chat-completions server, so a self-hoster can keep everything on their own
 * machines (Ollama: http://localhost:11434/v1). The core hands it masked context only.
 */
export default definePlugin({
  manifest: {
    id: 'feature-ai-compose',
    version: '1.0.0',
    apiVersion: '^1.4.0',
    kind: 'feature',
    name: 'Compose with AI',
    description:
      'Drafts and rewrites ticket replies with an OpenAI-compatible model (OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio, llama.cpp).',
    // net:connect: the base URL is whatever server the admin configures.
    permissions: ['ai.compose', 'net:connect'],
    settings: [
      {
        key: 'baseUrl',
        type: 'string',
        label: 'Base URL (e.g. https://api.openai.com/v1 or http://localhost:11434/v1)',
        required: true,
        pattern: 'https?://\\S+',
        max: 500,
      },
      { key: 'apiKey', type: 'secret', label: 'API key (empty for servers that need none)' },
      { key: 'model', type: 'string', label: 'Model (e.g. gpt-4o-mini, llama3.1)', required: true, max: 200 },
      { key: 'timeoutMs', type: 'number', label: 'Timeout (ms)', min: 1000, max: 120000, default: 30000 },
      { key: 'maxTokens', type: 'number', label: 'Maximum tokens per answer', min: 16, max: 8192, default: 800 },
      { key: 'temperature', type: 'number', label: 'Temperature (0 to 2)', min: 0, max: 2, default: 0.4 },
    ],
  },
  register(host, ctx) {
    host.provide('compose', openAiCompatibleProvider(ctx));
  },
});
