// Public domain events: the names and payloads the core publishes and feature plugins may
// subscribe to. Payloads are plain JSON so a plugin could later run out of process.
// Later issues (tickets, chat, portal) add their events here; renaming one is a breaking change.

export interface CompanyEventPayload {
  companyId: string;
  name: string;
}

export interface ContactEventPayload {
  contactId: string;
  companyId: string;
}

export interface AccountAvailabilityPayload {
  accountId: string;
  availability: 'available' | 'unavailable';
}

export interface DeviceEventPayload {
  deviceId: string;
  companyId: string;
}

export interface PluginLifecyclePayload {
  pluginId: string;
}

export interface SettingChangedPayload {
  key: string;
  scope: 'global' | 'company';
  companyId: string | null;
}

/** Ids shared by every ticket event. */
export interface TicketRefPayload {
  ticketId: string;
  number: number;
  companyId: string;
}

export interface TicketCreatedPayload extends TicketRefPayload {
  /** null: a ticket without a contact (a chat's automatic ticket on a device nobody identified on). */
  requesterId: string | null;
  status: string;
  priority: string;
  type: string;
  source: string;
}

export interface TicketUpdatedPayload extends TicketRefPayload {
  /** Names of the fields that changed, e.g. ["assignee", "priority"]. */
  changes: string[];
}

export interface TicketStatusChangedPayload extends TicketRefPayload {
  from: string;
  to: string;
  actorKind: 'account' | 'contact' | 'system' | 'automation';
}

/** Carries the body: subscribing needs `tickets.read`; check `visibility` before showing it to end users. */
export interface TicketCommentAddedPayload extends TicketRefPayload {
  commentId: string;
  visibility: 'public' | 'internal';
  authorKind: 'account' | 'contact' | 'system';
  source: string;
  body: string;
  truncated: boolean;
}

export interface TicketMergedPayload extends TicketRefPayload {
  intoTicketId: string;
  intoNumber: number;
}

/** A conversation (portal live chat, agent chat...) started. Ids only. */
export interface ConversationStartedPayload {
  conversationId: string;
  companyId: string;
  /** `portal`, `agent`, later `email`... */
  channel: string;
  channelInstanceId: string | null;
  contactId: string | null;
}

/** A message was committed to a conversation. Carries the text: subscribing needs `conversations.read`. */
export interface ConversationMessageCreatedPayload {
  conversationId: string;
  companyId: string;
  channel: string;
  messageId: string;
  seq: number;
  kind: 'text' | 'system' | 'file';
  authorKind: 'contact' | 'technician' | 'system';
  body: string;
}

export interface ConversationEndedPayload {
  conversationId: string;
  companyId: string;
  channel: string;
  /** e.g. `customer_ended`, `technician_left`, `resolved`, `converted`, `abandoned`, `idle`. */
  reason: string;
}

/** Every public event name mapped to its payload. */
export interface SwitchboardEventMap {
  'company.created': CompanyEventPayload;
  'company.updated': CompanyEventPayload;
  'contact.created': ContactEventPayload;
  'contact.updated': ContactEventPayload;
  'contact.deleted': ContactEventPayload;
  'account.availability.changed': AccountAvailabilityPayload;
  'device.created': DeviceEventPayload;
  'plugin.enabled': PluginLifecyclePayload;
  'plugin.disabled': PluginLifecyclePayload;
  'setting.changed': SettingChangedPayload;
  'ticket.created': TicketCreatedPayload;
  'ticket.updated': TicketUpdatedPayload;
  'ticket.status.changed': TicketStatusChangedPayload;
  'ticket.comment.added': TicketCommentAddedPayload;
  'ticket.merged': TicketMergedPayload;
  'conversation.started': ConversationStartedPayload;
  'conversation.message.created': ConversationMessageCreatedPayload;
  'conversation.ended': ConversationEndedPayload;
}

export type SwitchboardEventName = keyof SwitchboardEventMap;

export const SWITCHBOARD_EVENT_NAMES: readonly SwitchboardEventName[] = [
  'company.created',
  'company.updated',
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'account.availability.changed',
  'device.created',
  'plugin.enabled',
  'plugin.disabled',
  'setting.changed',
  'ticket.created',
  'ticket.updated',
  'ticket.status.changed',
  'ticket.comment.added',
  'ticket.merged',
  'conversation.started',
  'conversation.message.created',
  'conversation.ended',
];

/**
 * The permission a plugin needs to subscribe to each event (null: ids-only payload, no grant
 * needed). Typed over the whole map so adding an event without classifying it fails to compile;
 * an event missing here at runtime is denied (default deny).
 */
export const SWITCHBOARD_EVENT_PERMISSIONS: { readonly [K in SwitchboardEventName]: string | null } = {
  'company.created': null,
  'company.updated': null,
  'contact.created': 'contacts.read',
  'contact.updated': 'contacts.read',
  'contact.deleted': 'contacts.read',
  'account.availability.changed': null,
  'device.created': null,
  'plugin.enabled': null,
  'plugin.disabled': null,
  'setting.changed': 'settings.read',
  'ticket.created': 'tickets.read',
  'ticket.updated': 'tickets.read',
  'ticket.status.changed': 'tickets.read',
  'ticket.comment.added': 'tickets.read',
  'ticket.merged': 'tickets.read',
  'conversation.started': 'conversations.read',
  'conversation.message.created': 'conversations.read',
  'conversation.ended': 'conversations.read',
};
