import type { PortalColors, PortalProactive, PortalRouting, PortalStatus } from './entities/portal.entity.js';

export const PORTAL_CHANNEL = 'portal';
export const PORTAL_PLUGIN_ID = 'channel-portal-livechat';

export type PortalViewKind = 'chat' | 'support_request' | 'unavailable';
export type CaseType = 'live_chat' | 'support_request';

export interface PortalView {
  id: string;
  companyId: string;
  companyName: string | null;
  subdomain: string;
  status: PortalStatus;
  name: string;
  colors: PortalColors;
  logoUrl: string | null;
  welcomeText: string | null;
  screenSharing: boolean;
  proactive: PortalProactive | null;
  routing: PortalRouting;
  queueId: string | null;
  channelConfig: Record<string, unknown>;
  urls: { path: string; subdomain: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface PublicPortalView {
  name: string;
  subdomain: string;
  view: PortalViewKind;
  message?: string;
  colors: PortalColors;
  logoUrl: string | null;
  welcomeText: string | null;
  maxLength: number;
}

/** Device info parsed from the visitor's user agent (stored in the conversation's meta). */
export interface DeviceInfo {
  browser: string | null;
  os: string | null;
  deviceType: string;
  language: string | null;
  userAgent: string | null;
}

/** What the portal writes into `conversation.meta` (the cases lib reads it). */
export interface PortalConversationMeta {
  caseType: CaseType;
  question: string;
  portal: { id: string; name: string; subdomain: string };
  device: DeviceInfo;
  contactCreated: boolean;
  submittedAt?: string;
  /** The visitor accepted the embed widget's proactive invitation (#14; routing shows it on the offer). */
  proactive?: boolean;
  /** A queue-routed chat (#14): offered to one agent at a time, so technicians get no new-case alert. */
  routed?: boolean;
}

export interface PublicCaseView {
  id: string;
  type: CaseType;
  chatStatus: 'waiting' | 'active' | 'ended';
  endedReason: string | null;
  technician: { name: string } | null;
  portal: { name: string; subdomain: string };
  lastSeq: number;
  createdAt: string;
  endedAt: string | null;
}
