// What the technician's web client asks on /agent (socket.io emit with an ack), name -> payload and
// the ack's `data`. The web's socket client is typed with it; the server's handlers are the
// @SubscribeMessage methods of the same names (ConversationGateway, TicketsGateway, AgentGateway).
import type { IceServerConfig, ScreenSignal } from './socket-events.js';
import type { Availability, ChatStatus, MessageView, ViewerView } from './views.js';

export interface AgentRequestMap {
  'conversation.join': {
    payload: { conversationId: string; afterSeq?: number };
    ack: {
      conversation: { id: string; status: ChatStatus; channel: string; lastSeq: number };
      messages: MessageView[];
    };
  };
  'conversation.send': {
    payload: { conversationId: string; clientId: string | null; body: string };
    ack: { message: MessageView };
  };
  'conversation.typing': { payload: { conversationId: string; typing: boolean }; ack: Record<string, never> };
  'conversation.unsubscribe': { payload: { conversationId: string }; ack: Record<string, never> };
  'ticket.view': { payload: { number: number }; ack: { viewers: ViewerView[] } };
  'ticket.leave': { payload: { number: number }; ack: unknown };
  'availability.set': {
    payload: { available: boolean };
    ack: { availability: Availability } & Record<string, unknown>;
  };
  /** Ask the visitor of a portal chat to share their screen (the assigned technician; the portal must allow it). */
  'screen.request': {
    payload: { conversationId: string };
    ack: { sessionId: string; recording: boolean; iceServers: IceServerConfig[] };
  };
  /**
   * The Cases page's live list: `case.updated`, `case.deleted` and queue-routed `case.created` reach a
   * socket only while it watches (a contact centre's agents answering offers do not get every case's
   * change). Sent again after each reconnect.
   */
  'cases.watch': { payload: Record<string, never>; ack: Record<string, never> };
  'cases.unwatch': { payload: Record<string, never>; ack: Record<string, never> };
  /** Contact centre (#14): only the agent the contact is offered to. */
  'contact.accept': { payload: { conversationId: string }; ack: { conversationId: string } };
  'contact.decline': { payload: { conversationId: string }; ack: { conversationId: string } };
  'screen.signal': { payload: { sessionId: string } & ScreenSignal; ack: Record<string, never> };
  'screen.end': { payload: { sessionId: string }; ack: Record<string, never> };
}

export type AgentRequest = keyof AgentRequestMap;
