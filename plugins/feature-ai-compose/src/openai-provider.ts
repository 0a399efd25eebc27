import OpenAI from 'openai';
import {
  AiProviderError,
  isPluginError,
  PLUGIN_ERROR_CODES,
  type AiCallOptions,
  type AiCompletionRequest,
  type ComposeProvider,
  type PluginContext,
} from '@switchboard/plugin-sdk';
import { generateMessages, rewriteMessages } from './prompts.js';

type ChatMessage = { role: 'system' | 'user'; content: string };

/** The provider's own failure as one of the SDK's kinds, so the technician reads something useful. */
export function failureOf(error: unknown): AiProviderError {
  if (error instanceof AiProviderError) return error;
  if (isPluginError(error, PLUGIN_ERROR_CODES.permissionDenied))
    return new AiProviderError('invalid', `The plugin may not connect there: ${(error as Error).message}`);
  const e = error as { status?: number; name?: string; message?: string };
  // By class name as well: under some loaders the client's errors come from another copy of its module.
  const kind = (error as { constructor?: { name?: string } })?.constructor?.name;
  if (
    error instanceof OpenAI.APIConnectionTimeoutError ||
    kind === 'APIConnectionTimeoutError' ||
    e.name === 'TimeoutError'
  )
    return new AiProviderError('timeout', 'The AI provider did not answer in time');
  if (error instanceof OpenAI.APIConnectionError || kind === 'APIConnectionError')
    return new AiProviderError('unavailable', 'The AI provider cannot be reached (check its base URL)');
  if (e.status === 429) return new AiProviderError('quota', 'The AI provider refused: rate limit or quota reached');
  if (e.status === 401 || e.status === 403)
    return new AiProviderError('invalid', 'The AI provider refused the API key (check the plugin settings)');
  if (e.status === 404) return new AiProviderError('invalid', 'The AI provider does not know this model or URL');
  if (e.status === 400 || e.status === 422)
    return new AiProviderError('refused', 'The AI provider refused the request');
  return new AiProviderError('unavailable', `The AI provider failed${e.status ? ` (HTTP ${e.status})` : ''}`);
}

/**
 * One provider for every server speaking OpenAI's chat completions API (OpenAI, Azure OpenAI,
 * Ollama, vLLM, LM Studio, llama.cpp's server): the `openai` client with the admin's base URL.
 * The base URL is configured by an admin, so the manifest asks `net:connect` (any host, the SDK 1.3
 * form for peers an admin configures) and every call first passes `ctx.net.assertConnect`.
 */
export function openAiCompatibleProvider(ctx: PluginContext): ComposeProvider {
  const client = () => {
    const baseURL = String(ctx.settings.get<string>('baseUrl') ?? '').replace(/\/+$/, '');
    let url: URL;
    try {
      url = new URL(baseURL);
    } catch {
      throw new AiProviderError('invalid', 'The AI provider base URL is not a URL');
    }
    ctx.net.assertConnect(url.hostname, Number(url.port) || (url.protocol === 'https:' ? 443 : 80));
    return new OpenAI({
      baseURL,
      // Self-hosted servers (Ollama, llama.cpp) need none; the client insists on a value.
      apiKey: ctx.settings.get<string>('apiKey') || 'not-needed',
      // chat() enforces the setting itself; this is only the client's backstop.
      timeout: (ctx.settings.get<number>('timeoutMs') ?? 30_000) + 5_000,
      maxRetries: 0,
    });
  };

  const chat = async (messages: ChatMessage[], options: AiCallOptions, maxTokens?: number): Promise<string> => {
    const model = ctx.settings.get<string>('model') ?? '';
    const max_tokens = Math.min(maxTokens ?? Infinity, ctx.settings.get<number>('maxTokens') ?? 800);
    const temperature = ctx.settings.get<number>('temperature') ?? 0.4;
    // Our own deadline, so a timeout is told apart from a cancel whatever the client's abort errors look like.
    const deadline = new AbortController();
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        deadline.abort();
      },
      ctx.settings.get<number>('timeoutMs') ?? 30_000,
    );
    const stop = () => deadline.abort();
    options.signal.addEventListener('abort', stop, { once: true });
    const signal = deadline.signal;
    try {
      if (!options.onDelta) {
        const answer = await client().chat.completions.create({ model, messages, max_tokens, temperature }, { signal });
        const choice = answer.choices[0];
        if (choice?.finish_reason === 'content_filter')
          throw new AiProviderError('refused', 'The AI provider filtered the answer');
        return choice?.message?.content ?? '';
      }
      const stream = await client().chat.completions.create(
        { model, messages, max_tokens, temperature, stream: true },
        { signal },
      );
      let text = '';
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        if (choice?.finish_reason === 'content_filter')
          throw new AiProviderError('refused', 'The AI provider filtered the answer');
        const piece = choice?.delta?.content;
        if (piece) {
          text += piece;
          options.onDelta(piece);
        }
      }
      // An aborted stream may just end: a cut-off draft is not an answer.
      if (timedOut) throw new AiProviderError('timeout', 'The AI provider did not answer in time');
      if (options.signal.aborted) throw new AiProviderError('unavailable', 'The draft was cancelled');
      return text;
    } catch (error) {
      if (timedOut) throw new AiProviderError('timeout', 'The AI provider did not answer in time');
      throw failureOf(error);
    } finally {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', stop);
    }
  };

  return {
    generate: (context, options) => chat(generateMessages(context), options),
    rewrite: (text, style, context, options) => chat(rewriteMessages(text, style, context), options),
    complete: (request: AiCompletionRequest, options) =>
      chat(
        [
          { role: 'system', content: request.system },
          { role: 'user', content: request.prompt },
        ],
        { signal: options.signal },
        request.maxTokens,
      ),
  };
}
