import { Injectable } from '@nestjs/common';
import {
  SCREEN_SHARE_LINES,
  fillLine,
  type LocalLine,
  type IceServerConfig,
  type ScreenEndReason,
  type ScreenSignal,
  type ServerEventMap,
} from '@switchboard/contracts';
import { ConversationService } from '@switchboard/chat';
import {
  Clock,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RealtimeService,
  SettingsService,
  newId,
  type AccountPrincipal,
} from '@switchboard/core';
import type { ScreenSessionEntity } from '../entities/screen-session.entity.js';
import { PORTAL_CHANNEL } from '../portal.types.js';
import { PortalRepository } from '../repositories/portal.repository.js';
import { ScreenSessionRepository } from '../repositories/screen-session.repository.js';
import { IceServersService } from './ice-servers.service.js';
import type { VisitorChat } from './portal-visitor.service.js';

const room = (conversationId: string) => `conversation:${conversationId}`;

/**
 * Screen sharing sessions of portal chats (issue #19): the assigned technician asks, the visitor
 * accepts or declines, either side ends; WebRTC signals are relayed only between the technician's
 * socket that asked and the visitor's socket that accepted (socket ids are rooms, so the Redis
 * adapter delivers them across instances). The chat goes on whatever happens here.
 */
@Injectable()
export class ScreenShareService {
  constructor(
    private readonly sessions: ScreenSessionRepository,
    private readonly conversations: ConversationService,
    private readonly portals: PortalRepository,
    private readonly realtime: RealtimeService,
    private readonly ice: IceServersService,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  async request(
    me: AccountPrincipal,
    conversationId: string,
    socketId: string,
  ): Promise<{ sessionId: string; recording: boolean; iceServers: IceServerConfig[] }> {
    const conversation = await this.conversations.getForTechnician(conversationId, me);
    if (conversation.channel !== PORTAL_CHANNEL) throw new ConflictError('Screen sharing needs a portal chat');
    if (conversation.status !== 'active') throw new ConflictError('Screen sharing needs an active chat');
    if (!(await this.conversations.isActiveParticipant(conversationId, 'technician', me.id)))
      throw new ForbiddenError('Only the technician in this chat can ask to see the screen');
    const portal = conversation.channelInstanceId ? await this.portals.findById(conversation.channelInstanceId) : null;
    if (!portal?.screenSharing) throw new ForbiddenError('Screen sharing is not allowed on this portal');
    // A new request replaces an open one (e.g. the technician reloaded the page).
    for (const open of await this.sessions.findOpen(conversationId)) await this.finish(open, 'replaced', null);
    const session: ScreenSessionEntity = {
      id: newId(),
      conversationId,
      companyId: conversation.companyId,
      technicianId: me.id,
      technicianName: me.name,
      technicianSocketId: socketId,
      visitorSocketId: null,
      status: 'requested',
      // Decided when asking, so the visitor is told before choosing (admin setting, off by default).
      recording: await this.settings.get('screen.recording', conversation.companyId),
      endedReason: null,
      createdAt: this.clock.now(),
      startedAt: null,
      endedAt: null,
    };
    await this.sessions.insert(session);
    await this.conversations.postSystemMessage(
      conversationId,
      fillLine(SCREEN_SHARE_LINES.requested, { name: me.name }),
    );
    const iceServers = this.ice.forSession(session.id);
    this.realtime.emit('portal', room(conversationId), 'screen.requested', {
      conversationId,
      sessionId: session.id,
      technician: { name: me.name },
      recording: session.recording,
      iceServers,
    });
    return { sessionId: session.id, recording: session.recording, iceServers };
  }

  async accept(chat: VisitorChat, sessionId: string, socketId: string): Promise<{ iceServers: IceServerConfig[] }> {
    const session = await this.visitorSession(chat, sessionId);
    const moved = await this.sessions.transition(session.id, ['requested'], {
      status: 'active',
      visitorSocketId: socketId,
      startedAt: this.clock.now(),
    });
    if (!moved) throw new ConflictError('This screen sharing request is no longer open');
    await this.conversations.postSystemMessage(session.conversationId, SCREEN_SHARE_LINES.started);
    this.realtime.emit('agent', session.technicianSocketId, 'screen.accepted', {
      conversationId: session.conversationId,
      sessionId,
    });
    return { iceServers: this.ice.forSession(session.id) };
  }

  /** `unsupported`: the visitor's browser cannot capture the screen (declined for them, said so in the log). */
  /**
   * The request still waiting for this visitor's answer, if any: a page that (re)connects after the
   * `screen.requested` event (reload, network drop) shows it again instead of leaving the technician waiting.
   */
  async pendingFor(chat: VisitorChat): Promise<ServerEventMap['screen.requested'] | null> {
    const open = (await this.sessions.findOpen(chat.conversationId)).filter((s) => s.status === 'requested');
    const session = open.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    if (!session) return null;
    return {
      conversationId: session.conversationId,
      sessionId: session.id,
      technician: { name: session.technicianName },
      recording: session.recording,
      iceServers: this.ice.forSession(session.id),
    };
  }

  async decline(chat: VisitorChat, sessionId: string, reason?: 'unsupported'): Promise<void> {
    const session = await this.visitorSession(chat, sessionId);
    if (session.status !== 'requested') throw new ConflictError('This screen sharing request is no longer open');
    await this.finish(
      session,
      'declined',
      reason === 'unsupported' ? SCREEN_SHARE_LINES.declined_unsupported : SCREEN_SHARE_LINES.declined,
    );
  }

  /** The chat is ending: its open session ends too, with its line (before the chat's own end line). */
  async endForChat(conversationId: string): Promise<void> {
    for (const open of await this.sessions.findOpen(conversationId))
      await this.finish(open, 'chat_ended', SCREEN_SHARE_LINES.chat_ended);
  }

  async endByVisitor(chat: VisitorChat, sessionId: string): Promise<void> {
    const session = await this.visitorSession(chat, sessionId);
    await this.finish(session, 'stopped_by_customer', SCREEN_SHARE_LINES.stopped_by_customer);
  }

  async endByTechnician(me: AccountPrincipal, sessionId: string): Promise<void> {
    const session = await this.technicianSession(me, sessionId);
    await this.finish(
      session,
      'ended_by_technician',
      fillLine(SCREEN_SHARE_LINES.ended_by_technician, { name: session.technicianName }),
    );
  }

  /** The visitor offers (it has the media); only from the socket that accepted, only to the technician's. */
  async signalFromVisitor(chat: VisitorChat, socketId: string, sessionId: string, signal: ScreenSignal): Promise<void> {
    const session = await this.visitorSession(chat, sessionId);
    if (session.status !== 'active' || session.visitorSocketId !== socketId)
      throw new ConflictError('This screen sharing session is not active on this connection');
    if (signal.type === 'answer') throw new ConflictError('The visitor sends the offer, not an answer');
    this.realtime.emit('agent', session.technicianSocketId, 'screen.signal', {
      conversationId: session.conversationId,
      sessionId,
      signal,
    });
  }

  async signalFromTechnician(
    me: AccountPrincipal,
    socketId: string,
    sessionId: string,
    signal: ScreenSignal,
  ): Promise<void> {
    const session = await this.technicianSession(me, sessionId);
    if (session.status !== 'active' || session.technicianSocketId !== socketId || !session.visitorSocketId)
      throw new ConflictError('This screen sharing session is not active on this connection');
    if (signal.type === 'offer') throw new ConflictError('The technician sends the answer, not an offer');
    this.realtime.emit('portal', session.visitorSocketId, 'screen.signal', {
      conversationId: session.conversationId,
      sessionId,
      signal,
    });
  }

  /** A session of the visitor's own conversation; anything else does not exist for it. */
  private async visitorSession(chat: VisitorChat, sessionId: string): Promise<ScreenSessionEntity> {
    const session = await this.sessions.findById(sessionId);
    if (!session || session.conversationId !== chat.conversationId)
      throw new NotFoundError('Screen session', sessionId);
    if (session.status === 'ended') throw new ConflictError('This screen sharing session has ended');
    return session;
  }

  /** Only the technician who asked may signal or end it; others of the company get a 403. */
  private async technicianSession(me: AccountPrincipal, sessionId: string): Promise<ScreenSessionEntity> {
    const session = await this.sessions.findById(sessionId);
    if (!session) throw new NotFoundError('Screen session', sessionId);
    await this.conversations.getForTechnician(session.conversationId, me); // 404 outside the technician's companies
    if (session.technicianId !== me.id) throw new ForbiddenError('Only the technician who asked can do this');
    if (session.status === 'ended') throw new ConflictError('This screen sharing session has ended');
    return session;
  }

  private async finish(session: ScreenSessionEntity, reason: ScreenEndReason, text: LocalLine | null): Promise<void> {
    const moved = await this.sessions.transition(session.id, ['requested', 'active'], {
      status: 'ended',
      endedReason: reason,
      endedAt: this.clock.now(),
    });
    if (!moved) return; // ended meanwhile (both sides at once): one line, one event
    if (text) await this.conversations.postSystemMessage(session.conversationId, text);
    const payload = { conversationId: session.conversationId, sessionId: session.id, reason };
    this.realtime.emit('portal', room(session.conversationId), 'screen.ended', payload);
    this.realtime.emit('agent', session.technicianSocketId, 'screen.ended', payload);
  }
}
