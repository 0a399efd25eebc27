/** Available and Not ready are the agent's choice; Busy (at capacity) and RONA (offer not accepted) the system's. */
export const AGENT_STATES = ['available', 'not_ready', 'busy', 'rona'] as const;
export type AgentState = (typeof AGENT_STATES)[number];
/** What an agent may pick by hand (from RONA too: back to Available is manual). */
export const CHOOSABLE_AGENT_STATES = ['available', 'not_ready'] as const;
export type ChoosableAgentState = (typeof CHOOSABLE_AGENT_STATES)[number];
export const DEFAULT_MAX_CHATS = 3;
export const DEFAULT_OFFER_TIMEOUT_SECONDS = 20;
export const DEFAULT_MAX_WAIT_SECONDS = 600;

export interface QueueView {
  id: string;
  name: string;
  companyIds: string[];
  memberIds: string[];
  offerTimeoutSeconds: number;
  maxWaitSeconds: number;
  createdAt: string;
  updatedAt: string;
}

export interface WrapUpReasonView {
  id: string;
  label: string;
  /** French label, null when none (show `label`). */
  labelFr: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AgentStateView {
  state: AgentState;
  since: string;
  activeChats: number;
  maxChats: number;
}

/** A queued contact: waiting in its queue, offered to one agent, or gone (accepted, overflowed, withdrawn). */
export const CONTACT_ROUTING_STATES = ['waiting', 'offered', 'accepted', 'overflowed', 'withdrawn'] as const;
export type ContactRoutingState = (typeof CONTACT_ROUTING_STATES)[number];

/** Why an agent's wrap-up opened: they ended the chat, the customer did, or a transfer/conference/deleted queue ended their part. */
export const WRAP_UP_CAUSES = ['ended', 'customer_ended', 'transferred', 'conference_ended', 'queue_deleted'] as const;
export type WrapUpCause = (typeof WRAP_UP_CAUSES)[number];

export interface WrapUpView {
  id: string;
  conversationId: string;
  cause: WrapUpCause;
  openedAt: string;
  reasonId: string | null;
  reasonLabel: string | null;
  note: string | null;
  wrappedAt: string | null;
}

/** A queue-routed conversation as its agent's screen needs it (null for pool chats). */
export interface ConversationRoutingView {
  conversationId: string;
  queueId: string;
  /** null once the queue was deleted. */
  queueName: string | null;
  queueDeleted: boolean;
  state: ContactRoutingState;
  /** The agent it is offered to or was accepted by. */
  agentId: string | null;
  /** The viewer's own open wrap-up of it. */
  wrapUp: WrapUpView | null;
  /** The open conference (ringing or joined), null when none. */
  conference: ConferenceView | null;
}

/** One contact still in a queue on the board (waiting, or ringing an agent). */
export interface QueueBoardContact {
  conversationId: string;
  /** The masking scope of the customer name (the REST masker reads `companyId`). */
  companyId: string;
  customerName: string;
  state: 'waiting' | 'offered';
  offeredToId: string | null;
  offeredToName: string | null;
  arrivedAt: string;
  waitSeconds: number;
}

export interface QueueBoardAgent {
  accountId: string;
  name: string;
  state: AgentState;
  activeChats: number;
  maxChats: number;
  stateSince: string;
}

/** Today's numbers of a queue. */
export interface QueueBoardToday {
  arrived: number;
  accepted: number;
  overflowed: number;
  withdrawn: number;
  /** Arrival → accept of the contacts accepted today; null when none. */
  averageWaitSeconds: number | null;
  /** Accept → end of the conversations wrapped up today; null when none. */
  averageHandleSeconds: number | null;
  /** Today's wrap-ups by reason (as labelled when picked), most used first. */
  wrapUpReasons: { label: string; count: number }[];
}

export interface QueueBoardQueue {
  queueId: string;
  name: string;
  waiting: QueueBoardContact[];
  agents: QueueBoardAgent[];
  today: QueueBoardToday;
}

export interface QueueBoardView {
  /** The server's now: the web ticks waits from it (clock skew between browser and API). */
  generatedAt: string;
  /** Start of "today" (00:00 UTC). */
  since: string;
  queues: QueueBoardQueue[];
}

/** A conference of a queue-routed chat: ringing the second agent, joined, or over (how). */
export const CONFERENCE_STATES = ['ringing', 'joined', 'declined', 'expired', 'cancelled', 'ended'] as const;
export type ConferenceState = (typeof CONFERENCE_STATES)[number];

/** The conversation's latest conference as the case pane shows it. */
export interface ConferenceView {
  state: ConferenceState;
  agentId: string;
  agentName: string;
  requestedById: string;
  requestedByName: string;
}

/** An agent who could be asked into a conference (Available with a free slot, serving the company). */
export interface ConferenceTargetView {
  id: string;
  name: string;
  state: AgentState;
  activeChats: number;
  maxChats: number;
}

/** The answer to a transfer: where the contact went and the transferring agent's wrap-up (cause `transferred`). */
export interface ContactTransferView {
  conversationId: string;
  target: { kind: 'queue' | 'agent'; id: string; name: string };
  wrapUp: WrapUpView;
}

/** What the accepting agent may transfer to: queues that take the company, Available agents with a free slot. */
export interface TransferTargetsView {
  queues: { id: string; name: string; waiting: number }[];
  agents: { id: string; name: string; state: AgentState; activeChats: number; maxChats: number }[];
}
