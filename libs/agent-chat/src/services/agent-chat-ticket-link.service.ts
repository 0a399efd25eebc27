import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  DeviceService,
  DomainError,
  DomainEventBus,
  TechnicianDirectory,
  type DevicePrincipal,
} from '@switchboard/core';
import { ConversationService, renderTranscript, type ConversationView, type MessageView } from '@switchboard/chat';
import { CreateTicketService, TicketChatLinkService, type ChatLine } from '@switchboard/tickets';
import { CHAT_LINES, fillLine } from '@switchboard/contracts';
import { AGENT_CHANNEL } from '../agent-chat.types.js';
import { AgentChatFlow } from './agent-chat-flow.service.js';
import { AgentChatNotifier } from './agent-chat-notifier.service.js';
import { metaOf } from './agent-chat-views.js';

/**
 * The chat ↔ ticket linkage: the transcript goes into the automatic ticket (its timer lives in
 * agent-chat-auto-ticket.timer.ts), later messages follow as comments, "Create a new ticket"
 * after a busy chat opens one.
 */
@Injectable()
export class AgentChatTicketLinkService implements OnModuleInit {
  private readonly logger = new Logger('AgentChatTickets');
  /** Per-conversation chain: ticket comments keep the chat's order on this instance. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly conversations: ConversationService,
    private readonly flow: AgentChatFlow,
    private readonly notifier: AgentChatNotifier,
    private readonly devices: DeviceService,
    private readonly tickets: CreateTicketService,
    private readonly links: TicketChatLinkService,
    private readonly events: DomainEventBus,
    private readonly directory: TechnicianDirectory,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('conversation.message.created', (e) => {
      if (e.channel !== AGENT_CHANNEL || e.kind === 'system') return;
      this.enqueue(e.conversationId, () => this.follow(e.conversationId, e.seq));
    });
  }

  /**
   * 2 minutes into the conversation: a ticket with the transcript so far (the timer's loaded view), and
   * the files sent so far attached to it. A device nobody identified on has no contact: the ticket
   * opens without a requester, in the device's company, and the chat says so (#15).
   */
  async autoTicket(chat: ConversationView): Promise<void> {
    const id = chat.id;
    if (chat.ticketId || !metaOf(chat).acceptedAt) return;
    const technician = metaOf(chat).technician;
    const messages = await this.conversations.listMessages(id, 0, 5000);
    const upTo = messages.length ? messages[messages.length - 1].seq : 0;
    const m = metaOf(chat);
    const description = renderTranscript(
      {
        title: `Chat on ${m.deviceName}`,
        lines: [
          ['Contact', m.contactName],
          ['Technician', technician?.name ?? '-'],
        ],
      },
      messages,
      'text',
    );
    // The chat's technician is the assignee only while they still serve the company (#13.6): one
    // restricted since accepting gets an unassigned ticket, not a refused one.
    const assigneeId =
      technician && (await this.directory.serving(chat.companyId, [technician.id])).serving.length
        ? technician.id
        : null;
    // Titled in the customer's language (else their company's), like the chat's system lines.
    const language = await this.conversations.languageOf(id);
    const ticket = await this.tickets.createAs(
      {
        title: CHAT_LINES.autoTicketTitle[language],
        description,
        requesterId: chat.contactId,
        companyId: chat.companyId,
        assigneeId,
      },
      technician
        ? { kind: 'account', id: technician.id, name: technician.name }
        : { kind: 'system', id: null, name: 'Chat' },
      'chat',
    );
    await this.conversations.linkTicket(id, ticket.id);
    await this.conversations.patchMeta(id, {
      ticketNumber: ticket.number,
      ticketTitle: ticket.title,
      autoTicket: true,
      ticketSeq: upTo,
    });
    // The transcript is text: the files sent so far are copied as their own lines, with the attachment.
    const files = messages.filter((x) => x.file);
    if (files.length)
      this.enqueue(id, async () => {
        await this.links.appendLines(
          ticket.id,
          files.map((x) => toLine(x, chat)),
        );
      });
    await this.conversations.postSystemMessage(
      id,
      chat.contactId
        ? fillLine(CHAT_LINES.ticketOpened, { number: ticket.number })
        : fillLine(CHAT_LINES.ticketOpenedNoContact, { number: ticket.number, device: m.deviceName }),
    );
    // Messages committed while the ticket was being created: the per-message path saw no ticket yet.
    this.enqueue(id, () => this.follow(id, Number.MAX_SAFE_INTEGER));
    const fresh = await this.flow.load(id);
    this.notifier.updated(fresh);
    this.notifier.toDevice(m.deviceId, 'chat.updated', { chat: this.notifier.deviceView(fresh) });
  }

  /** "Chat busy" → "Create a new ticket": the user's message opens a ticket (source chat). */
  async createFromDevice(
    principal: DevicePrincipal,
    description: string,
  ): Promise<{ ticket: { number: number; title: string } }> {
    const device = await this.devices.get(principal.deviceId);
    if (!device.helpdeskAgentEnabled)
      throw new DomainError('FORBIDDEN', 'The helpdesk agent is disabled on this device', 403);
    if (!device.contactId)
      throw new DomainError('IDENTITY_REQUIRED', 'Confirm who you are first (full name and email)', 409);
    const text = description.trim();
    const firstLine = text.split('\n')[0].slice(0, 120);
    const ticket = await this.tickets.createAs(
      {
        title: firstLine || `Help requested from ${device.name}`,
        description: `${text}\n\n(Left from the helpdesk agent on ${device.name} when no technician was available.)`,
        requesterId: device.contactId,
      },
      { kind: 'contact', id: device.contactId, name: 'Helpdesk agent' },
      'chat',
    );
    return { ticket: { number: ticket.number, title: ticket.title } };
  }

  /** Copies the chat's messages after the ticket's transcript (and up to `seq`) onto the ticket. */
  private async follow(conversationId: string, seq: number): Promise<void> {
    const chat = await this.conversations.get(conversationId).catch(() => null);
    if (!chat?.ticketId) return;
    const from = Number(metaOf(chat).ticketSeq ?? 0);
    if (seq <= from) return;
    const messages = (await this.conversations.listMessages(conversationId, from, 5000)).filter(
      (x) => x.seq <= seq && x.kind !== 'system',
    );
    await this.links.appendLines(
      chat.ticketId,
      messages.map((x) => toLine(x, chat)),
    );
  }

  private enqueue(conversationId: string, work: () => Promise<void>): void {
    const next = (this.chains.get(conversationId) ?? Promise.resolve())
      .then(work)
      .catch((err) => this.logger.warn({ err }, 'copying chat messages to the ticket failed'));
    this.chains.set(conversationId, next);
    void next.finally(() => {
      if (this.chains.get(conversationId) === next) this.chains.delete(conversationId);
    });
  }

  /** Waits for pending ticket copies (tests, graceful shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }
}

function toLine(m: MessageView, chat: ConversationView): ChatLine {
  const author =
    m.author.kind === 'technician'
      ? { kind: 'account' as const, id: m.author.id, name: m.author.name }
      : m.author.kind === 'contact'
        ? // Without a contact the author's ref is the device: a comment's contact id must be a contact or none.
          { kind: 'contact' as const, id: chat.contactId ? (m.author.id ?? chat.contactId) : null, name: m.author.name }
        : { kind: 'system' as const, id: null, name: m.author.name };
  return {
    key: m.id,
    author,
    at: new Date(m.createdAt),
    body: m.file ? `Sent a file: ${m.file.name}` : m.body,
    attachments: m.file
      ? [{ id: m.file.fileId, name: m.file.name, size: m.file.size, contentType: m.file.contentType }]
      : [],
  };
}
