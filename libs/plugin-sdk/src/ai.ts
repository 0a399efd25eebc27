/**
 * SDK 1.4: AI extension points. Everything the core hands a provider is already masked: card
 * numbers, IBANs, SSNs, emails and phone numbers arrive as stable placeholders such as `[CARD-1]`
 * (keep them verbatim in the output: the core puts the real value back only for technicians who may
 * see it), and internal notes are never included.
 */

/** The rewrite styles of the "Compose with AI" menu. */
export type ComposeRewriteStyle = 'rephrase' | 'casual' | 'formal';
/** Every "Compose with AI" action: a fresh reply, or a rewrite of the technician's text. */
export type ComposeAction = 'generate' | ComposeRewriteStyle;

/** One public message of the ticket's conversation, oldest first. */
export interface ComposeConversationMessage {
  /** Who wrote it: the end user side (requester, Cc) or a technician. */
  from: 'end_user' | 'technician';
  /** The author's display name (masked like the text), or null when unknown. */
  name: string | null;
  text: string;
  /** ISO 8601. */
  at: string;
}

/** What the core assembles for a compose call. */
export interface ComposeContext {
  ticket: { number: number; title: string };
  /** The conversation's language (BCP 47 primary subtag such as `en` or `fr`): write the draft in it. */
  language: string;
  /** The recent public conversation (never internal notes), oldest first. */
  conversation: ComposeConversationMessage[];
  requester: { firstName: string | null };
  technician: { name: string; signature: string | null };
}

/** Passed to every AI call. */
export interface AiCallOptions {
  /** Aborted when the technician cancels or the core's time limit passes: stop and reject. */
  signal: AbortSignal;
  /** Optional streaming: call with each new piece of text as it arrives (the resolved text is the whole). */
  onDelta?: (text: string) => void;
}

/** A free completion (system + user prompt), for features that reuse the installation's model. */
export interface AiCompletionRequest {
  system: string;
  prompt: string;
  /** Upper bound on the answer's length; the provider's own setting applies when smaller. */
  maxTokens?: number;
}

/** `compose` extension point (permission `ai.compose`). One provider per installation. */
export interface ComposeProvider {
  /** A reply fitted to the ticket's conversation, in `context.language`. */
  generate(context: ComposeContext, options: AiCallOptions): Promise<string>;
  /** `text` (the technician's draft, masked) rewritten in `style`, same language, same meaning. */
  rewrite(text: string, style: ComposeRewriteStyle, context: ComposeContext, options: AiCallOptions): Promise<string>;
  /** Optional: answers `ctx.ai.complete` for other plugins (e.g. LLM sentiment). */
  complete?(request: AiCompletionRequest, options: AiCallOptions): Promise<string>;
}

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

/** One end-user message to classify (masked), oldest first. */
export interface SentimentMessage {
  text: string;
  /** ISO 8601. */
  at: string;
  /** BCP 47 primary subtag when known (`en`, `fr`), else null. */
  language: string | null;
}

export interface SentimentResult {
  label: SentimentLabel;
  /** -1 (most negative) .. 1 (most positive). */
  score: number;
}

/** `sentiment` extension point (permission `ai.sentiment`). One provider per installation. */
export interface SentimentProvider {
  classify(messages: SentimentMessage[], options: { signal: AbortSignal }): Promise<SentimentResult>;
}

/**
 * `ctx.ai` (permission `ai.complete`): a completion from the installation's compose provider, so a
 * feature plugin can use the model an admin configured without holding its keys. The core masks the
 * prompt again before it reaches the provider. Throws PluginNotAvailableError when no enabled compose
 * provider offers `complete`, and AiProviderError when the provider fails.
 */
export interface PluginAiAccessor {
  complete(request: AiCompletionRequest, options?: { signal?: AbortSignal }): Promise<string>;
}
