// Case, portal and conversation payloads. The views the server pushes are stated once in
// @switchboard/contracts (the server's emits are checked against them); these are the web's names.
import type * as C from '@switchboard/contracts';

export type CaseType = C.CaseType;
export type CaseStatus = C.CaseStatus;
export type ChatStatus = C.ChatStatus;
export type CaseViewName = 'unassigned' | 'mine' | 'all';
export type CaseView = C.CaseView;

/** A conversation message, plus the client-only state of one of ours not yet acknowledged. */
export type CaseMessage = C.MessageView & { pending?: 'sending' | 'failed' };

/** GET /api/cases. */
export type CasePage = C.ApiSchema<'CasePageDto'>;

/** GET/PUT /api/notification-preferences (every field is answered). */
export type NotificationPrefs = Required<C.ApiSchema<'NotificationPreferencesDto'>>;

export type PortalStatus = Portal['status'];

export type Portal = C.ApiSchema<'PortalViewDto'>;

export type PortalEmbed = C.ApiSchema<'PortalEmbedDto'>;

/** Socket payloads on `/agent`. */
export type CaseCreatedEvent = C.ServerEventMap['case.created'];
export type CaseUpdatedEvent = C.ServerEventMap['case.updated'];
