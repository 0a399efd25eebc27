import { Injectable, Logger } from '@nestjs/common';
import {
  AccountService,
  AiProviderRegistry,
  Clock,
  DomainError,
  LoginAttemptStore,
  PiiMasker,
  PiiMaskingRegistry,
  type AccountPrincipal,
  type AttemptRule,
} from '@switchboard/core';
import {
  isPluginError,
  PLUGIN_ERROR_CODES,
  type AiProviderFailure,
  type ComposeContext,
  type ComposeProvider,
  type ComposeRewriteStyle,
} from '@switchboard/plugin-sdk';
import { TicketCommentQueryService } from '@switchboard/tickets';
import { COMPOSE_TEXT_MAX, type ComposeRequestDto } from './compose-request.dto.js';
import { conversationLanguage } from './conversation-language.js';
import { PlaceholderStream } from './placeholder-stream.js';
import { PromptPlaceholders } from './prompt-placeholders.js';

/** The recent conversation a draft answers: the latest public messages, each cut to a readable size. */
export const COMPOSE_MESSAGES = 10;
const MESSAGE_CHARS = 4000;
/** The core's own limit on one call, whatever the plugin's timeout setting (the plugin should end first). */
export const COMPOSE_TIMEOUT_MS = 120_000;
/** Per technician: 20 drafts a minute, then a minute's pause; shared by every instance (Redis or the database). */
export const COMPOSE_RATE: AttemptRule = { freeFailures: 20, baseLockMs: 60_000, maxLockMs: 60_000, windowMs: 60_000 };

const FAILURE_STATUS: Record<AiProviderFailure, number> = {
  unavailable: 502,
  timeout: 504,
  quota: 429,
  refused: 422,
  invalid: 502,
};

export interface ComposeRunOptions {
  /** Aborted when the technician cancels (the request closed). */
  signal?: AbortSignal;
  /** Streamed pieces of the draft, placeholders already restored. */
  onDelta?: (text: string) => void;
}

/** A checked, assembled call: everything that can be refused (4xx) was refused before it exists. */
export interface ComposeRun {
  run(options?: ComposeRunOptions): Promise<string>;
}

/**
 * "Compose with AI" (#17): the context of a ticket's reply, masked with stable placeholders so no
 * card number, IBAN, SSN, email or phone number reaches the provider, and never an internal note;
 * the draft comes back with the placeholders restored as the technician sees the ticket (masked
 * where their view is masked). Nothing is posted: the technician edits and sends.
 */
@Injectable()
export class ComposeService {
  private readonly logger = new Logger('Compose');

  constructor(
    private readonly providers: AiProviderRegistry,
    private readonly tickets: TicketCommentQueryService,
    private readonly masker: PiiMasker,
    private readonly engines: PiiMaskingRegistry,
    private readonly counters: LoginAttemptStore,
    private readonly clock: Clock,
    private readonly accounts: AccountService,
  ) {}

  get available(): boolean {
    return this.providers.composeProvider !== null;
  }

  async prepare(number: number, request: ComposeRequestDto, me: AccountPrincipal): Promise<ComposeRun> {
    const provided = this.providers.composeProvider;
    if (!provided)
      throw new DomainError(
        'AI_COMPOSE_UNAVAILABLE',
        'Compose with AI is not set up: an admin enables the feature-ai-compose plugin (or another compose provider)',
        409,
      );
    const text = request.text?.trim() ?? '';
    if (request.action !== 'generate' && !text)
      throw new DomainError('AI_COMPOSE_TEXT_REQUIRED', `text is required to ${request.action} a draft`, 400);
    const engine = this.engines.current;
    // Without span detection the prompt could not be masked: refuse rather than send PII.
    if (typeof engine.detect !== 'function')
      throw new DomainError('AI_COMPOSE_UNAVAILABLE', 'Compose with AI needs the masking engine', 409);
    const { ticket, comments } = await this.tickets.latestPublic(number, COMPOSE_MESSAGES, me);
    await this.spend(me);
    const { signature } = await this.accounts.get(me.id);

    const placeholders = new PromptPlaceholders((t) => engine.detect!(t));
    const conversation = comments
      .filter((c) => c.author.kind === 'contact' || c.author.kind === 'account')
      .map((c) => ({
        from: c.author.kind === 'contact' ? ('end_user' as const) : ('technician' as const),
        name: placeholders.mask(c.author.name),
        text: placeholders.mask(c.body.length > MESSAGE_CHARS ? `${c.body.slice(0, MESSAGE_CHARS)}…` : c.body),
        at: c.createdAt,
      }));
    const endUserTexts = conversation.filter((m) => m.from === 'end_user').map((m) => m.text);
    const context: ComposeContext = {
      ticket: { number: ticket.number, title: placeholders.mask(ticket.title) },
      language: conversationLanguage([...endUserTexts, ticket.title]),
      conversation,
      requester: { firstName: ticket.requester ? placeholders.mask(ticket.requester.firstName) : null },
      technician: { name: placeholders.mask(me.name), signature: signature && placeholders.mask(signature) },
    };
    const draft = placeholders.mask(text);
    // What the technician may see: the ticket page's own masking for this company.
    const reveal = (value: string) => this.masker.maskText(value, ticket.companyId);
    const invoke = (provider: ComposeProvider, callOptions: { signal: AbortSignal; onDelta?: (t: string) => void }) =>
      request.action === 'generate'
        ? provider.generate(context, callOptions)
        : provider.rewrite(draft, request.action as ComposeRewriteStyle, context, callOptions);
    return {
      run: async (options = {}) => {
        const stream = options.onDelta ? new PlaceholderStream(placeholders, reveal, options.onDelta) : null;
        const onDelta = stream ? (delta: string) => typeof delta === 'string' && stream.push(delta) : undefined;
        const answer = await this.call(provided, { signal: options.signal, onDelta }, invoke);
        stream?.end();
        return placeholders.restore(answer, reveal);
      },
    };
  }

  private async call(
    provided: { pluginId: string; provider: ComposeProvider },
    options: ComposeRunOptions,
    invoke: (
      provider: ComposeProvider,
      callOptions: { signal: AbortSignal; onDelta?: (t: string) => void },
    ) => Promise<string>,
  ): Promise<string> {
    const controller = new AbortController();
    const abort = () => controller.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    if (options.signal?.aborted) controller.abort();
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new DomainError('AI_PROVIDER_TIMEOUT', 'The AI provider did not answer in time', 504));
      }, COMPOSE_TIMEOUT_MS);
    });
    try {
      const answer = await Promise.race([
        invoke(provided.provider, { signal: controller.signal, onDelta: options.onDelta }),
        limit,
      ]);
      if (typeof answer !== 'string' || !answer.trim())
        throw new DomainError('AI_PROVIDER_INVALID', 'The AI provider returned no text', 502);
      return answer.trim().slice(0, COMPOSE_TEXT_MAX);
    } catch (error) {
      if (options.signal?.aborted) throw new DomainError('AI_COMPOSE_CANCELLED', 'The draft was cancelled', 499);
      throw this.translate(error, provided.pluginId);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
    }
  }

  /** A provider's failure as a clear error for the technician (the draft in the box is theirs to keep). */
  private translate(error: unknown, pluginId: string): DomainError {
    if (error instanceof DomainError) return error;
    const failure = (error as { failure?: AiProviderFailure }).failure;
    if (isPluginError(error, PLUGIN_ERROR_CODES.aiProvider) && failure && failure in FAILURE_STATUS) {
      const message = (error as Error).message;
      return new DomainError(`AI_PROVIDER_${failure.toUpperCase()}`, message, FAILURE_STATUS[failure]);
    }
    this.logger.warn({ err: error, pluginId }, 'compose provider failed');
    return new DomainError('AI_PROVIDER_UNAVAILABLE', `The AI provider failed (plugin ${pluginId})`, 502);
  }

  private async spend(me: AccountPrincipal): Promise<void> {
    const key = `ai-compose:${me.id}`;
    const now = this.clock.nowMs();
    const until = await this.counters.lockedUntil([key], now);
    if (until)
      throw new DomainError('AI_COMPOSE_RATE_LIMITED', 'Too many AI drafts; try again in a minute', 429, {
        retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)),
      });
    await this.counters.recordFailure(key, now, COMPOSE_RATE);
  }
}
