// Display helpers shared by the ticket screens: labels for enum keys, names, dates.
import { serverNow } from './server-clock';
import type { ContactRef, TicketStatus } from './tickets.types';

export const PRIORITIES = [
  ['low', 'Low'],
  ['medium', 'Medium'],
  ['high', 'High'],
  ['critical', 'Critical'],
] as const;
export const IMPACTS = [
  ['minor', 'Minor'],
  ['moderate', 'Moderate'],
  ['major', 'Major'],
  ['site_down', 'Site down'],
] as const;
export const TYPES = [
  ['incident', 'Incident'],
  ['problem', 'Problem'],
  ['request', 'Request'],
  ['change', 'Change'],
] as const;
export const ACTIVITY_STATUSES: Record<string, string> = {
  unread: 'Unread',
  read: 'Read',
  waiting_for_contact: 'Waiting for contact reply',
  waiting_for_technician: 'Waiting for technician reply',
};
/** Fallback names while /api/ticket-statuses loads (built-ins only). */
const BUILTIN_STATUS: Record<string, string> = {
  open: 'Open',
  pending: 'Pending',
  resolved: 'Resolved',
  closed: 'Closed',
};

export function label(list: readonly (readonly [string, string])[], key: string | null | undefined): string {
  return list.find(([k]) => k === key)?.[1] ?? humanize(key ?? '');
}

export function humanize(key: string): string {
  const s = key.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function statusName(statuses: TicketStatus[], key: string): string {
  return statuses.find((s) => s.key === key)?.name ?? BUILTIN_STATUS[key] ?? humanize(key);
}

export function contactName(c: ContactRef | null | undefined): string {
  if (!c) return 'Unknown contact';
  return `${c.firstName} ${c.lastName}`.trim() || c.email || 'Unknown contact';
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateTime.format(d);
}

/** "5 min ago" for recent things, the date beyond a week (exact time stays in the title attribute). */
export function formatRelative(iso: string, now = serverNow()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const s = Math.round((t - now) / 1000);
  const a = Math.abs(s);
  if (a < 45) return 'just now';
  if (a < 3600) return relative.format(Math.round(s / 60), 'minute');
  if (a < 86400) return relative.format(Math.round(s / 3600), 'hour');
  if (a < 7 * 86400) return relative.format(Math.round(s / 86400), 'day');
  return formatDateTime(iso);
}

/** Stable pastel-free colour per person so avatars are recognisable at a glance (all pass 4.5:1 on white text). */
const AVATAR_COLOURS = ['#1f3b73', '#7a2e8e', '#0f6b5c', '#9c3d10', '#2453c4', '#5b4636', '#a3224f', '#3d5a14'];
export function avatarColour(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return AVATAR_COLOURS[Math.abs(h) % AVATAR_COLOURS.length];
}
