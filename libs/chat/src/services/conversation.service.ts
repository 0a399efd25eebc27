import { Injectable } from '@nestjs/common';
import type { AccountPrincipal } from '@switchboard/core';
import type {
  ConversationActor,
  ConversationStatus,
  ConversationView,
  MessageFile,
  MessageView,
  ParticipantKind,
  ParticipantView,
} from '../chat.types.js';
import { ConversationLanguageService, type LocalText } from './conversation-language.service.js';
import { ConversationMessageService, type PostMessageInput } from './conversation-message.service.js';
import { ConversationParticipantService, type ParticipantInput } from './conversation-participant.service.js';
import { ConversationRecordService } from './conversation-record.service.js';
import { ConversationStartService, type StartConversationInput } from './conversation-start.service.js';
import { ConversationStateService, type ActivationTimers, type EndInput } from './conversation-state.service.js';

export type { PostMessageInput } from './conversation-message.service.js';
export type { ParticipantInput } from './conversation-participant.service.js';
export type { StartConversationInput } from './conversation-start.service.js';
export type { ActivationTimers, EndInput } from './conversation-state.service.js';
export type { LocalText } from './conversation-language.service.js';

/**
 * The conversation core's entry point shared by every chat channel (portal, agent chat,
 * routing): it only delegates, to one service per intent (start, state transitions,
 * participants, messages, the record). It knows nothing about cases, queues or devices.
 * Delegation returns the inner promise as is: no extra await on the hot message path.
 */
@Injectable()
export class ConversationService {
  constructor(
    private readonly starts: ConversationStartService,
    private readonly states: ConversationStateService,
    private readonly participants: ConversationParticipantService,
    private readonly messages: ConversationMessageService,
    private readonly records: ConversationRecordService,
    private readonly language: ConversationLanguageService,
  ) {}

  /** The language of the conversation's automatic texts (the customer's, else their company's). */
  languageOf(conversationId: string) {
    return this.language.of(conversationId);
  }

  start(input: StartConversationInput): Promise<ConversationView> {
    return this.starts.start(input);
  }

  get(id: string): Promise<ConversationView> {
    return this.records.get(id);
  }

  getForTechnician(id: string, account: AccountPrincipal): Promise<ConversationView> {
    return this.records.getForTechnician(id, account);
  }

  listMessages(conversationId: string, afterSeq = 0, limit = 1000): Promise<MessageView[]> {
    return this.messages.list(conversationId, afterSeq, limit);
  }

  firstMessages(conversationId: string, limit: number): Promise<MessageView[]> {
    return this.messages.first(conversationId, limit);
  }

  /** The newest `limit` messages, oldest first (e.g. the end of a long chat in an offer pop-up). */
  lastMessages(conversationId: string, limit: number): Promise<MessageView[]> {
    return this.messages.last(conversationId, limit);
  }

  listParticipants(conversationId: string): Promise<ParticipantView[]> {
    return this.participants.list(conversationId);
  }

  isActiveParticipant(conversationId: string, kind: ParticipantKind, refId: string): Promise<boolean> {
    return this.participants.isActive(conversationId, kind, refId);
  }

  /** See ConversationMessageService.post (the group-committed hot path). */
  postMessage(input: PostMessageInput): Promise<{ message: MessageView; duplicate: boolean }> {
    return this.messages.post(input);
  }

  postFile(input: {
    conversationId: string;
    author: ConversationActor;
    file: MessageFile;
    clientId?: string | null;
  }): Promise<{ message: MessageView; duplicate: boolean }> {
    return this.messages.postFile(input);
  }

  hasFile(conversationId: string, fileId: string): Promise<boolean> {
    return this.messages.hasFile(conversationId, fileId);
  }

  activate(conversationId: string, timers: ActivationTimers = {}): Promise<boolean> {
    return this.states.activate(conversationId, timers);
  }

  listForInstance(
    channel: string,
    channelInstanceId: string,
    statuses: ConversationStatus[],
  ): Promise<ConversationView[]> {
    return this.records.listForInstance(channel, channelInstanceId, statuses);
  }

  listForParticipant(
    channel: string,
    kind: ParticipantKind,
    refId: string,
    options: { endedSince?: Date; limit?: number } = {},
  ): Promise<ConversationView[]> {
    return this.records.listForParticipant(channel, kind, refId, options);
  }

  listOpenForTicket(channel: string, ticketId: string): Promise<ConversationView[]> {
    return this.records.listOpenForTicket(channel, ticketId);
  }

  postSystemMessage(conversationId: string, text: LocalText): Promise<MessageView | null> {
    return this.messages.postSystemMessage(conversationId, text);
  }

  typing(
    conversationId: string,
    channel: string,
    author: { kind: ParticipantKind; id: string | null; name: string },
    typing: boolean,
  ): void {
    this.messages.typing(conversationId, channel, author, typing);
  }

  addParticipant(
    conversationId: string,
    input: ParticipantInput,
    options: { announce?: boolean } = {},
  ): Promise<ParticipantView> {
    return this.participants.add(conversationId, input, options);
  }

  removeParticipant(
    conversationId: string,
    kind: ParticipantKind,
    refId: string,
    options: { announce?: boolean } = {},
  ): Promise<void> {
    return this.participants.remove(conversationId, kind, refId, options);
  }

  end(conversationId: string, input: EndInput): Promise<boolean> {
    return this.states.end(conversationId, input);
  }

  patchMeta(conversationId: string, patch: Record<string, unknown>): Promise<ConversationView> {
    return this.records.patchMeta(conversationId, patch);
  }

  linkTicket(conversationId: string, ticketId: string | null): Promise<void> {
    return this.records.linkTicket(conversationId, ticketId);
  }

  purge(conversationId: string): Promise<void> {
    return this.states.purge(conversationId);
  }
}
