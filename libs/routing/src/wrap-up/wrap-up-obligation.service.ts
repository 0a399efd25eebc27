import { Injectable } from '@nestjs/common';
import { Clock, RealtimeService, newId } from '@switchboard/core';
import { WrapUpEntity } from '../entities/wrap-up.entity.js';
import { WrapUpRepository } from '../repositories/wrap-up.repository.js';
import type { WrapUpCause } from '../routing.types.js';

export interface OpenWrapUpInput {
  conversationId: string;
  accountId: string;
  queueId: string;
  companyId: string;
  cause: WrapUpCause;
  acceptedAt: Date | null;
  /** Whether submitting frees a chat slot of the agent (default true: the accepted chat's slot). */
  holdsSlot?: boolean;
}

/**
 * Opens an agent's wrap-up of a conversation and tells their tabs (`wrap_up.due`). Idempotent: a
 * second open for the same agent and conversation (two instances, a repeated end) returns the first.
 */
@Injectable()
export class WrapUpObligationService {
  constructor(
    private readonly wrapUps: WrapUpRepository,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  async open(input: OpenWrapUpInput): Promise<WrapUpEntity> {
    const row = Object.assign(new WrapUpEntity(), {
      id: newId(),
      conversationId: input.conversationId,
      accountId: input.accountId,
      queueId: input.queueId,
      companyId: input.companyId,
      cause: input.cause,
      openKey: WrapUpRepository.openKey(input.conversationId, input.accountId),
      holdsSlot: input.holdsSlot ?? true,
      openedAt: this.clock.now(),
      acceptedAt: input.acceptedAt,
      reasonId: null,
      reasonLabel: null,
      note: null,
      wrappedAt: null,
    });
    // One statement on the common path: the unique open key decides; when one is open already (a
    // repeated end, another instance first) that one stands and nobody is told twice.
    if (!(await this.wrapUps.insertIfNew(row))) {
      const existing = await this.wrapUps.findOpen(input.conversationId, input.accountId);
      if (existing) return existing;
      throw new Error(`wrap-up of ${input.conversationId} for ${input.accountId} neither inserted nor open`);
    }
    this.realtime.toAccount(input.accountId, 'wrap_up.due', {
      conversationId: row.conversationId,
      companyId: row.companyId,
      wrapUp: {
        id: row.id,
        conversationId: row.conversationId,
        cause: row.cause,
        openedAt: row.openedAt.toISOString(),
      },
    });
    return row;
  }
}
