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

export interface CasePage {
  items: CaseView[];
  nextCursor: string | null;
  unseen: number;
}

export interface NotificationPrefs {
  inApp: boolean;
  browser: boolean;
  email: boolean;
  sound: boolean;
}

export type PortalStatus = 'active' | 'inactive';

export interface Portal {
  id: string;
  companyId: string;
  companyName: string;
  subdomain: string;
  status: PortalStatus;
  name: string;
  colors: { primary?: string; background?: string; text?: string } | null;
  logoUrl: string | null;
  welcomeText: string | null;
  urls: { path: string; subdomain: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface PortalEmbed {
  standaloneUrls: string[];
  popupSnippet: string;
  embedSnippet: string;
  scriptUrl: string;
}

/** Socket payloads on `/agent`. */
export type CaseCreatedEvent = C.ServerEventMap['case.created'];
export type CaseUpdatedEvent = C.ServerEventMap['case.updated'];
