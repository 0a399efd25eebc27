import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AiProviderRegistry, DomainEventBus, PiiMasker } from '@switchboard/core';
import type { SentimentMessage, TicketCommentAddedPayload } from '@switchboard/plugin-sdk';
import { TicketSentimentService } from '@switchboard/tickets';

/** How many of the end user's latest public messages are classified. */
export const SENTIMENT_MESSAGES = 5;
/** A provider that does not answer within this is abandoned (the ticket keeps its value). */
export const SENTIMENT_TIMEOUT_MS = 10_000;

/**
 * Recomputes a ticket's sentiment when an end user's public comment arrives (email reply, portal,
 * chat → ticket: every path publishes `ticket.comment.added` after its commit). The latest end-user
 * messages are masked for display before they reach the plugin; technician replies and internal notes
 * never trigger or take part. No provider (plugin disabled) → nothing happens and the value is kept.
 * A failure or a timeout is logged; the comment is already committed and is never affected.
 */
@Injectable()
export class SentimentRecomputeService implements OnModuleInit {
  private readonly logger = new Logger('Sentiment');

  constructor(
    private readonly events: DomainEventBus,
    private readonly providers: AiProviderRegistry,
    private readonly tickets: TicketSentimentService,
    private readonly masker: PiiMasker,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('ticket.comment.added', (e) => {
      // Technician replies, notes and system lines return at once (no promise, nothing held).
      if (e.visibility !== 'public' || e.authorKind !== 'contact' || !this.providers.sentimentProvider) return;
      return this.recompute(e).then(
        () => undefined,
        (error: unknown) => this.logger.warn({ err: error, ticket: e.number }, 'Sentiment not recomputed'),
      );
    });
  }

  /** Classifies the ticket's latest end-user messages and stores the label; false when nothing changed. */
  async recompute(e: Pick<TicketCommentAddedPayload, 'number'>): Promise<boolean> {
    const provided = this.providers.sentimentProvider;
    if (!provided) return false;
    const conversation = await this.tickets.endUserConversation(e.number, SENTIMENT_MESSAGES);
    const messages: SentimentMessage[] = conversation.messages.map((c) => ({
      text: this.masker.maskText(c.body, conversation.companyId),
      at: c.createdAt.toISOString(),
      language: null,
    }));
    if (!messages.length) return false;
    const result = await this.withTimeout((signal) => provided.provider.classify(messages, { signal }));
    if (!['positive', 'negative', 'neutral'].includes(result?.label))
      throw new Error(`sentiment provider "${provided.pluginId}" answered an unknown label`);
    const score = Number.isFinite(result.score) ? Math.max(-1, Math.min(1, result.score)) : 0;
    return this.tickets.apply(e.number, result.label, score, provided.pluginId);
  }

  private async withTimeout<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`sentiment provider did not answer within ${SENTIMENT_TIMEOUT_MS} ms`));
      }, SENTIMENT_TIMEOUT_MS);
    });
    try {
      return await Promise.race([call(controller.signal), expired]);
    } finally {
      clearTimeout(timer);
    }
  }
}
