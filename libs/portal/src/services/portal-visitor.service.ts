import { Injectable } from '@nestjs/common';
import {
  Clock,
  ConflictError,
  ContactService,
  DomainError,
  NotFoundError,
  SessionTokenService,
  newId,
  type PortalPrincipal,
  PiiMasker,
  type Tx,
} from '@switchboard/core';
import { ConversationService, renderTranscript, type ConversationView, type MessageView } from '@switchboard/chat';
import { PORTAL_CUSTOMER_ENDED_LINE, PORTAL_UNAVAILABLE_LINE } from '@switchboard/contracts';
import { ContactQueueService } from '@switchboard/routing';
import type { VisitorSubmissionDto } from '../dto/visitor.dto.js';
import {
  PORTAL_CHANNEL,
  type CaseType,
  type DeviceInfo,
  type PortalConversationMeta,
  type PublicCaseView,
} from '../portal.types.js';
import { PortalChannel } from './portal-channel.service.js';
import { PortalService } from './portal.service.js';

import { portalAbandonDeadline } from './portal-abandon.timer.js';
import { leaveAsSupportRequest } from './portal-support-request.js';
import { portalWaitingOfferDeadline } from './portal-waiting-offer.timer.js';
import { portalLanguage } from '../sign-in/portal-sign-in.mail.js';

export { OFFER_TEXT } from './portal-waiting-offer.timer.js';

export interface VisitorChat {
  conversationId: string;
  contactId: string;
  name: string;
}

/**
 * Everything a portal visitor does: submit a chat or a support request, follow the chat, end it,
 * convert it, download the transcript. A visitor token reaches exactly one conversation (its
 * `subject`), of its own portal: anything else is a 404.
 */
@Injectable()
export class PortalVisitorService {
  constructor(
    private readonly portals: PortalService,
    private readonly channel: PortalChannel,
    private readonly contacts: ContactService,
    private readonly conversations: ConversationService,
    private readonly tokens: SessionTokenService,
    private readonly clock: Clock,
    private readonly masker: PiiMasker,
    private readonly queue: ContactQueueService,
  ) {}

  async submit(subdomain: string, dto: VisitorSubmissionDto, device: DeviceInfo, type: CaseType) {
    const portal = await this.portals.bySubdomain(subdomain);
    // The stable code for clients that map it; the message in the visitor's language (#16).
    if (!this.portals.isOpen(portal))
      throw new DomainError('PORTAL_UNAVAILABLE', PORTAL_UNAVAILABLE_LINE[portalLanguage(device.language)], 503);
    const { contact, created } = await this.contacts.findOrCreate({
      companyId: portal.companyId,
      firstName: dto.firstName,
      lastName: dto.lastName,
      email: dto.email,
      // The portal's language is the contact's from now on (mails, automatic texts), unless they have one.
      language: device.language ? portalLanguage(device.language) : null,
    });
    const name = `${dto.firstName.trim()} ${dto.lastName.trim()}`.trim();
    const now = this.clock.now();
    // Ingest mode: the question is copied into the case and the conversation, so mask it here, once.
    const question = this.masker.maskInbound(dto.question, portal.companyId);
    const queued = type === 'live_chat' && portal.routing === 'queue' && !!portal.queueId;
    const meta: PortalConversationMeta = {
      caseType: type,
      question,
      portal: { id: portal.id, name: portal.name, subdomain: portal.subdomain },
      device,
      contactCreated: created,
      ...(type === 'live_chat' && dto.proactive ? { proactive: true } : {}),
      ...(queued ? { routed: true } : {}),
      ...(type === 'support_request' ? { submittedAt: now.toISOString() } : {}),
    };
    const config = this.channel.config(portal);
    // A chat waits with its timers armed in the start's transaction; a support request ends at once.
    const deadlines =
      type === 'support_request'
        ? []
        : [
            portalWaitingOfferDeadline(now, Number(config.waitingOfferSeconds ?? 60) * 1000),
            portalAbandonDeadline(now, Number(config.abandonAfterMinutes ?? 30) * 60_000),
          ];
    // conversation.started is handled synchronously by the cases lib: the case exists when we answer.
    const conversation = await this.conversations.start({
      companyId: portal.companyId,
      channel: PORTAL_CHANNEL,
      channelInstanceId: portal.id,
      contactId: contact.id,
      subject: question.slice(0, 300),
      meta: meta as unknown as Record<string, unknown>,
      status: 'waiting',
      participants: [{ kind: 'contact', refId: contact.id, name, role: 'owner' }],
      deadlines,
      // A queue-routed chat waits in its queue (row + max-wait deadline written with the start).
      ...(queued
        ? {
            withStart: (conversationId: string, tx: Tx) =>
              this.queue.enqueue(
                // proactive: accepted from the embed widget's invitation; the agent's offer shows it.
                { conversationId, queueId: portal.queueId!, companyId: portal.companyId, proactive: !!meta.proactive },
                tx,
              ),
          }
        : {}),
    });
    await this.conversations.postMessage({
      conversationId: conversation.id,
      author: { kind: 'contact', id: contact.id, name },
      body: question,
      clientId: 'question',
    });
    // Offered once the question is in the thread (the pop-up shows it); nobody free → it waits.
    // A failed decision is not the visitor's error: the contact waits (max wait still guards it).
    if (queued) await this.queue.offerNow(conversation.id).catch(() => false);
    if (type === 'support_request') {
      await this.conversations.end(conversation.id, {
        reason: 'support_request',
        by: { kind: 'contact', id: contact.id, name },
      });
    }
    const token = this.tokens.issuePortalToken({
      sessionId: newId(),
      portalId: portal.id,
      companyId: portal.companyId,
      subject: conversation.id,
    });
    return { token, caseId: conversation.id, conversationId: conversation.id, type };
  }

  /** The visitor's own conversation, or 404 (a guessed id, another portal's token...). */
  async resolve(
    visitor: PortalPrincipal,
    caseId?: string,
  ): Promise<{ conversation: ConversationView; chat: VisitorChat }> {
    const id = caseId ?? visitor.subject;
    if (!id || visitor.subject !== id) throw new NotFoundError('Case', String(id));
    const conversation = await this.conversations.get(id).catch(() => null);
    if (
      !conversation ||
      conversation.channel !== PORTAL_CHANNEL ||
      conversation.channelInstanceId !== visitor.portalId ||
      conversation.companyId !== visitor.companyId ||
      !conversation.contactId
    ) {
      throw new NotFoundError('Case', id);
    }
    const participants = await this.conversations.listParticipants(id);
    const me = participants.find((p) => p.kind === 'contact' && p.id === conversation.contactId);
    return {
      conversation,
      chat: { conversationId: id, contactId: conversation.contactId, name: me?.name ?? 'Customer' },
    };
  }

  async publicCase(visitor: PortalPrincipal, caseId?: string): Promise<PublicCaseView> {
    return this.toPublic((await this.resolve(visitor, caseId)).conversation);
  }

  async messages(visitor: PortalPrincipal, caseId: string | undefined, afterSeq = 0): Promise<MessageView[]> {
    const { conversation } = await this.resolve(visitor, caseId);
    return this.conversations.listMessages(conversation.id, afterSeq);
  }

  async end(visitor: PortalPrincipal, caseId?: string): Promise<PublicCaseView> {
    const { conversation, chat } = await this.resolve(visitor, caseId);
    await this.conversations.end(conversation.id, {
      reason: 'customer_ended',
      by: { kind: 'contact', id: chat.contactId, name: chat.name },
      text: PORTAL_CUSTOMER_ENDED_LINE,
    });
    return this.publicCase(visitor, conversation.id);
  }

  /** "Click here to leave your question instead": only while nobody has taken the chat. */
  async convert(visitor: PortalPrincipal, caseId?: string): Promise<PublicCaseView> {
    const { conversation } = await this.resolve(visitor, caseId);
    if (conversation.status !== 'waiting' || conversation.meta.caseType !== 'live_chat') {
      throw new ConflictError('This chat can no longer be turned into a support request');
    }
    await leaveAsSupportRequest(this.conversations, conversation, 'converted', this.clock.now());
    return this.publicCase(visitor, conversation.id);
  }

  async transcript(visitor: PortalPrincipal, caseId: string, format: 'html' | 'text'): Promise<string> {
    const { conversation } = await this.resolve(visitor, caseId);
    const meta = conversation.meta as unknown as PortalConversationMeta;
    const messages = await this.conversations.listMessages(conversation.id, 0, 5000);
    return renderTranscript(
      {
        title: `Chat transcript — ${meta.portal?.name ?? 'Support'}`,
        lines: [
          ['Case', conversation.id],
          ['Started', conversation.createdAt],
        ],
      },
      messages,
      format,
    );
  }

  private async toPublic(c: ConversationView): Promise<PublicCaseView> {
    const meta = c.meta as unknown as PortalConversationMeta;
    const technicians = (await this.conversations.listParticipants(c.id)).filter(
      (p) => p.kind === 'technician' && p.role === 'owner',
    );
    const tech = technicians.find((p) => !p.leftAt) ?? technicians[technicians.length - 1];
    return {
      id: c.id,
      type: meta.caseType,
      chatStatus: c.status,
      endedReason: c.endedReason,
      technician: tech ? { name: tech.name } : null,
      portal: { name: meta.portal?.name, subdomain: meta.portal?.subdomain },
      lastSeq: c.lastSeq,
      createdAt: c.createdAt,
      endedAt: c.endedAt,
    };
  }
}
