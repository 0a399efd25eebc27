// Case, portal and conversation payloads as documented in libs/cases/README.md (kept by hand).

export type CaseType = 'live_chat' | 'support_request';
export type CaseStatus = 'unassigned' | 'assigned' | 'resolved';
export type ChatStatus = 'waiting' | 'active' | 'ended';
export type CaseViewName = 'unassigned' | 'mine' | 'all';

export interface CaseView {
  id: string;
  shortId: string;
  type: CaseType;
  status: CaseStatus;
  live: boolean;
  chatStatus: ChatStatus;
  endedReason: null | 'customer_ended' | 'technician_left' | 'converted' | 'abandoned' | string;
  companyId: string;
  portal: { id: string; name: string; subdomain: string; address: string };
  customer: { contactId: string | null; firstName: string; lastName: string; email: string };
  assignee: { id: string; name: string } | null;
  question: string;
  preview: string[];
  conversationId: string;
  lastSeq: number;
  device: {
    browser?: string | null;
    os?: string | null;
    deviceType?: string | null;
    language?: string | null;
    userAgent?: string | null;
  } | null;
  ticketNumber: number | null;
  createdAt: string;
  submittedAt: string | null;
  assignedAt: string | null;
  resolvedAt: string | null;
  endedAt: string | null;
  updatedAt: string;
}

export interface CaseMessage {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string | null;
  kind: 'text' | 'system' | 'file';
  body: string;
  author: { kind: 'contact' | 'technician' | 'system'; id: string | null; name: string };
  createdAt: string;
  pending?: 'sending' | 'failed';
}

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
export interface CaseCreatedEvent {
  case: CaseView;
  chime: boolean;
  unseen: number;
  /** Show a browser notification (preference on and available); absent on older servers. */
  browser?: boolean;
}
export interface CaseUpdatedEvent {
  case: CaseView;
  changes: string[];
}
