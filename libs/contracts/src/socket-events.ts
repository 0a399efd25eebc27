// Every event the server pushes on a socket, name -> payload, for all three namespaces (/agent,
// /portal, /device). Emitters (RealtimeService, ConversationFanout, gateways) and the web's listeners
// are typed with this map, so a wrong name or payload is a compile error on both sides.
// Modelled on Immich's websocket ClientEventMap.
import type {
  ActivityView,
  AgentChatView,
  Availability,
  CaseView,
  CommentView,
  DeviceChatView,
  MessageView,
  NotificationPush,
  ParticipantView,
  TicketView,
  ViewerView,
} from './views.js';

export interface ServerEventMap {
  // Core
  notification: NotificationPush;
  'account.availability': { availability: Availability };
  'agent.availability': { accountId: string; availability: Availability };
  'server.shutdown': { reconnect: boolean };
  /** The session is over (logout, password change, deactivation, expiry, device token rotated/removed): sign in again. */
  'session.revoked': { reason: string };
  /** The account's role or companies changed: the server drops the socket; reconnect for the new scope. */
  'access.changed': { reconnect: true };
  /** A failed socket handler when the client sent no ack callback (the error ack's shape). */
  exception: { ok: false; error: { statusCode: number; error: string; message: string; details?: unknown } };

  /** /portal: one of the signed-in contact's tickets changed (a public reply, its status): fetch it again. */
  'portal.ticket.updated': { number: number; reason: 'comment' | 'status' };

  // Tickets (companyId: the masking scope of the payload)
  'ticket.created': { ticket: TicketView };
  'ticket.updated': { ticket: TicketView; changes: string[] };
  'ticket.comment': { number: number; companyId: string; comment: CommentView };
  'ticket.activity': { number: number; companyId: string; activity: ActivityView };
  'ticket.viewers': { number: number; viewers: ViewerView[] };
  'ticket.merged': { number: number; into: number };
  'ticket.deleted': { number: number; companyId: string };

  // Cases
  'case.created': { case: CaseView; chime: boolean; unseen?: number; browser?: boolean };
  'case.updated': { case: CaseView; changes: string[] };
  'case.deleted': { caseId: string };

  // Conversations (room `conversation:<id>` on every namespace with a party of the channel)
  'conversation.message': { conversationId: string; message: MessageView };
  'conversation.typing': { conversationId: string; typing: boolean; author: { kind: string; name: string } };
  'conversation.participant': {
    conversationId: string;
    change: 'joined' | 'left';
    participant: ParticipantView;
    text: string | null;
  };
  'conversation.ended': {
    conversationId: string;
    reason: string;
    endedBy: { kind: string; name: string } | null;
    text: string | null;
  };

  // Contact centre (#14), to the agent's account room on /agent (masked like every /agent event)
  'contact.offered': ContactOfferedEvent;
  'contact.offer_closed': { conversationId: string; reason: ContactOfferCloseReason };
  'agent.state_changed': {
    state: 'available' | 'not_ready' | 'busy' | 'rona';
    since: string;
    activeChats: number;
    maxChats: number;
  };
  /** The agent's part of a queue-routed conversation ended: pick a wrap-up reason (slot held until then). */
  'wrap_up.due': { conversationId: string; companyId: string; wrapUp: WrapUpEvent };
  /** The wrap-up was submitted (this tab or another). */
  'wrap_up.done': { conversationId: string; wrapUpId: string };
  /** A resource an open conversation depends on was deleted by an admin: the agent can only end it. */
  'contact.resource_deleted': { conversationId: string; companyId: string; resource: 'queue'; name: string };
  /** A conference of a queue-routed chat moved (to both agents: the one who asked and the one asked). */
  'conference.changed': ConferenceChangedEvent;
  /** To the agent who transferred: the target agent declined or let the offer ring out; the contact is back in its queue. */
  'contact.transfer_abandoned': ContactTransferAbandonedEvent;
  /** /portal: the visitor's place in the queue (1 = next), refreshed when the queue moves. */
  'queue.position': { conversationId: string; position: number; estimatedWaitSeconds: number };

  // Agent chat, technicians' side
  'agent-chat.updated': { chat: AgentChatView; companyId: string };
  'agent-chat.incoming': { chat: AgentChatView; companyId: string; sound: boolean };
  'agent-chat.offer-closed': { conversationId: string };

  // Agent chat, the device's side
  'chat.requested': DeviceChatEvent & { technician: { name: string }; ticket?: { number: number; title: string } };
  'chat.started': DeviceChatEvent & { technician: { name: string } };
  'chat.busy': DeviceChatEvent & { reason: string; text: string };
  'chat.closed': DeviceChatEvent & { reason: string; text: string };
  'chat.updated': DeviceChatEvent;

  // Screen sharing of a portal chat: to the visitor's conversation room on /portal (request) and then
  // only to the two sockets of the session (the technician's that asked, the visitor's that accepted).
  'screen.requested': {
    conversationId: string;
    sessionId: string;
    technician: { name: string };
    recording: boolean;
    iceServers: IceServerConfig[];
  };
  'screen.accepted': { conversationId: string; sessionId: string };
  'screen.signal': { conversationId: string; sessionId: string; signal: ScreenSignal };
  'screen.ended': { conversationId: string; sessionId: string; reason: ScreenEndReason };
}

/** An RTCIceServer as the browser takes it (SWITCHBOARD_ICE_SERVERS; TURN credentials may be generated). */
export interface IceServerConfig {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** WebRTC signalling, relayed as is: the visitor offers (it has the media), the technician answers. */
export type ScreenSignal =
  | { type: 'offer' | 'answer'; sdp: string }
  | { type: 'candidate'; candidate: string; sdpMid: string | null; sdpMLineIndex: number | null };

export type ScreenEndReason = 'declined' | 'stopped_by_customer' | 'ended_by_technician' | 'replaced' | 'chat_ended';

/** An open wrap-up as pushed to its agent (the REST view without the submitted fields). */
export interface WrapUpEvent {
  id: string;
  conversationId: string;
  cause: 'ended' | 'customer_ended' | 'transferred' | 'conference_ended' | 'queue_deleted';
  openedAt: string;
}

export type ContactOfferCloseReason = 'accepted' | 'declined' | 'expired' | 'withdrawn';

/** A contact offered to one agent; `expiresAt` is when it rings out (RONA). */
export interface ContactOfferedEvent {
  conversationId: string;
  /** The masking scope of the payload (not shown). */
  companyId: string;
  queueId: string;
  queueName: string;
  customerName: string;
  messages: MessageView[];
  proactive: boolean;
  arrivedAt: string;
  expiresAt: string;
  /** Set when the agent who has the chat asks this agent into it (a conference), not a queue offer. */
  conference?: { requestedById: string; requestedByName: string };
  /** Set when an agent transferred the chat (to this agent or to the queue). */
  transfer?: { fromId: string; fromName: string };
}

export type ConferenceState = 'ringing' | 'joined' | 'declined' | 'expired' | 'cancelled' | 'ended';

/**
 * A conference's state only moves forward (ringing → joined → ended, or ringing → declined / expired /
 * cancelled), but two instances may deliver two moves out of order: a client keeps the furthest state
 * per `conferenceId` and ignores an older one arriving late.
 */
export interface ConferenceChangedEvent {
  conversationId: string;
  /** This conference (a chat may hold several, one after the other). */
  conferenceId: string;
  state: ConferenceState;
  /** The agent asked into the chat. */
  agentId: string;
  agentName: string;
  requestedById: string;
  requestedByName: string;
}

export interface ContactTransferAbandonedEvent {
  conversationId: string;
  /** The masking scope of the payload (not shown). */
  companyId: string;
  targetName: string;
  reason: TransferAbandonReason;
}

/**
 * Why a direct transfer ended without the target: they declined or let it ring out (the chat is
 * back in its queue), the customer left while it rang (`withdrawn`), or it waited past the queue's
 * maximum while ringing (`overflowed`: a support request ticket).
 */
export type TransferAbandonReason = 'declined' | 'expired' | 'withdrawn' | 'overflowed';

export interface DeviceChatEvent {
  chat: DeviceChatView;
}

export type ServerEvent = keyof ServerEventMap;
export type ServerEventPayload<E extends ServerEvent> = ServerEventMap[E];

/** The name constants, for code that needs the names as values (e.g. subscribing to a list of them). */
export const ServerEvents = {
  notification: 'notification',
  accountAvailability: 'account.availability',
  agentAvailability: 'agent.availability',
  serverShutdown: 'server.shutdown',
  sessionRevoked: 'session.revoked',
  accessChanged: 'access.changed',
  exception: 'exception',
  portalTicketUpdated: 'portal.ticket.updated',
  ticketCreated: 'ticket.created',
  ticketUpdated: 'ticket.updated',
  ticketComment: 'ticket.comment',
  ticketActivity: 'ticket.activity',
  ticketViewers: 'ticket.viewers',
  ticketMerged: 'ticket.merged',
  ticketDeleted: 'ticket.deleted',
  caseCreated: 'case.created',
  caseUpdated: 'case.updated',
  caseDeleted: 'case.deleted',
  conversationMessage: 'conversation.message',
  conversationTyping: 'conversation.typing',
  conversationParticipant: 'conversation.participant',
  conversationEnded: 'conversation.ended',
  contactOffered: 'contact.offered',
  contactOfferClosed: 'contact.offer_closed',
  agentStateChanged: 'agent.state_changed',
  wrapUpDue: 'wrap_up.due',
  wrapUpDone: 'wrap_up.done',
  contactResourceDeleted: 'contact.resource_deleted',
  conferenceChanged: 'conference.changed',
  contactTransferAbandoned: 'contact.transfer_abandoned',
  queuePosition: 'queue.position',
  agentChatUpdated: 'agent-chat.updated',
  agentChatIncoming: 'agent-chat.incoming',
  agentChatOfferClosed: 'agent-chat.offer-closed',
  chatRequested: 'chat.requested',
  chatStarted: 'chat.started',
  chatBusy: 'chat.busy',
  chatClosed: 'chat.closed',
  chatUpdated: 'chat.updated',
  screenRequested: 'screen.requested',
  screenAccepted: 'screen.accepted',
  screenSignal: 'screen.signal',
  screenEnded: 'screen.ended',
} as const satisfies Record<string, ServerEvent>;

/** The map as socket.io listener signatures: `Socket<ServerEventListeners>` (client) types every `on`. */
export type ServerEventListeners = { [E in ServerEvent]: (payload: ServerEventMap[E]) => void };

/** What a client emits (requests with an ack): not in the map yet, so any name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- socket.io's own DefaultEventsMap shape
export type ClientEmits = { [event: string]: (...args: any[]) => void };

// Every event of the map has its constant (a compile error names the one missing).
type MissingConstant = Exclude<ServerEvent, (typeof ServerEvents)[keyof typeof ServerEvents]>;
export const everyServerEventHasAConstant: [MissingConstant] extends [never] ? true : MissingConstant = true;
