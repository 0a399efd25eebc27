import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock, DomainEventBus } from '@switchboard/core';
import { ConversationService, type ConversationView } from '@switchboard/chat';
import { CaseEntity, type CaseDevice, type CaseType } from '../entities/case.entity.js';
import { CaseRepository } from '../repositories/case.repository.js';
import { CaseNotifier } from './case-notifier.service.js';
import { CaseViewBuilder } from './case-views.service.js';

/** What the portal lib writes in a portal conversation's meta (read here; cases may not import portal). */
interface PortalMeta {
  caseType: CaseType;
  question: string;
  portal: { id: string; name: string; subdomain: string };
  device: CaseDevice;
  contactCreated: boolean;
  submittedAt?: string;
  routed?: boolean;
}

const PREVIEW_MESSAGES = 3;

/**
 * Cases follow their portal conversation through domain events (the portal lib never calls
 * cases): started → a new Unassigned case; ended → live flag off (a conversion changes the
 * type, keeping the id); the first messages → the preview.
 */
@Injectable()
export class CaseLifecycle implements OnModuleInit {
  private readonly logger = new Logger('Cases');

  constructor(
    private readonly events: DomainEventBus,
    private readonly conversations: ConversationService,
    private readonly cases: CaseRepository,
    private readonly views: CaseViewBuilder,
    private readonly notifier: CaseNotifier,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('conversation.started', async (e) => {
      if (e.channel === 'portal') await this.opened(await this.conversations.get(e.conversationId));
    });
    this.events.subscribe('conversation.ended', async (e) => {
      if (e.channel === 'portal') await this.ended(e.conversationId, e.reason);
    });
    this.events.subscribe('conversation.message.created', (e) => {
      // Only the first few messages make the preview: the hot path returns here at once (no promise).
      // Seq 1 is the visitor's question, posted right after the start: the case opened with it as its
      // preview already (two reads per chat start saved, #14 benchmark).
      if (e.channel === 'portal' && e.kind === 'text' && e.seq > 1 && e.seq <= PREVIEW_MESSAGES + 1)
        return this.refreshPreview(e.conversationId);
    });
  }

  private async opened(c: ConversationView): Promise<void> {
    const meta = c.meta as unknown as PortalMeta;
    const row = Object.assign(new CaseEntity(), {
      id: c.id,
      companyId: c.companyId,
      portalId: c.channelInstanceId ?? meta.portal.id,
      portal: meta.portal,
      contactId: c.contactId,
      contactCreated: !!meta.contactCreated,
      type: meta.caseType,
      status: 'unassigned',
      chatStatus: c.status,
      endedReason: null,
      assigneeId: null,
      assigneeName: null,
      question: meta.question,
      preview: [meta.question.slice(0, 200)],
      device: meta.device ?? null,
      ticketId: null,
      ticketNumber: null,
      createdAt: new Date(c.createdAt),
      submittedAt: meta.submittedAt ? new Date(meta.submittedAt) : null,
      assignedAt: null,
      resolvedAt: null,
      endedAt: null,
      updatedAt: this.clock.now(),
    });
    await this.cases.insert(row);
    await this.notifier.created(await this.views.one(row), { routed: !!meta.routed });
  }

  private async ended(id: string, reason: string): Promise<void> {
    const c = await this.cases.findById(id);
    if (!c) return;
    const now = this.clock.now();
    const changes: Partial<CaseEntity> = { chatStatus: 'ended', endedReason: reason, endedAt: now, updatedAt: now };
    const changed = ['chatStatus', 'live'];
    // `overflowed`: a queued chat waited past its queue's maximum (#14), same support-request path.
    if (['converted', 'abandoned', 'overflowed'].includes(reason) && c.type === 'live_chat') {
      Object.assign(changes, { type: 'support_request', submittedAt: now });
      changed.push('type');
    }
    await this.cases.patch(id, changes);
    await this.notifier.updated(await this.views.one(Object.assign(c, changes)), changed);
  }

  private async refreshPreview(id: string): Promise<void> {
    const c = await this.cases.findById(id);
    if (!c) return;
    const first = (await this.conversations.firstMessages(id, PREVIEW_MESSAGES + 3))
      .filter((m) => m.kind === 'text')
      .slice(0, PREVIEW_MESSAGES);
    const preview = first.map((m) => m.body.slice(0, 200));
    if (JSON.stringify(preview) === JSON.stringify(c.preview)) return;
    await this.cases.patch(id, { preview, updatedAt: this.clock.now() });
    await this.notifier.updated(await this.views.one(Object.assign(c, { preview })), ['messages']);
  }

  /** Kept in sync when the conversation becomes active (a technician took it). */
  async markActive(id: string): Promise<void> {
    await this.cases.patch(id, { chatStatus: 'active' });
  }
}
