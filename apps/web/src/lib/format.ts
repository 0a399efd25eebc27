// Display helpers shared by the ticket screens: labels for enum keys, names, dates.
import { formatMessages } from './format.i18n';
import { language, type Language } from './i18n';
import { localLabel } from './label';
import { serverNow } from './server-clock';
import type { ContactRef, TicketStatus } from './tickets.types';

// The label lists are functions, not constants: the language is read at each call (#16), so a
// switch in the profile menu re-renders them in the new language.
type Options = readonly (readonly [string, string])[];
const options = (field: string, keys: readonly string[]): Options =>
  keys.map((k) => [k, formatMessages.tOr(`${field}_${k}`, humanize(k))] as const);

export const PRIORITY_KEYS = ['low', 'medium', 'high', 'critical'] as const;
export const IMPACT_KEYS = ['minor', 'moderate', 'major', 'site_down'] as const;
export const TYPE_KEYS = ['incident', 'problem', 'request', 'change'] as const;
export const priorities = (): Options => options('priority', PRIORITY_KEYS);
export const impacts = (): Options => options('impact', IMPACT_KEYS);
export const types = (): Options => options('type', TYPE_KEYS);

/** "Unread", "Waiting for contact reply"… of a ticket's activity status (the key itself when unknown). */
export const activityStatusLabel = (key: string): string => formatMessages.tOr(`activity_${key}`, key);

export function label(list: readonly (readonly [string, string])[], key: string | null | undefined): string {
  return list.find(([k]) => k === key)?.[1] ?? humanize(key ?? '');
}

export function humanize(key: string): string {
  const s = key.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function statusName(statuses: TicketStatus[], key: string): string {
  const status = statuses.find((s) => s.key === key);
  return status ? localLabel(status) : formatMessages.tOr(`status_${key}`, humanize(key));
}

export function contactName(c: ContactRef | null | undefined): string {
  if (!c) return formatMessages.t('unknownContact');
  return `${c.firstName} ${c.lastName}`.trim() || c.email || formatMessages.t('unknownContact');
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

// One formatter per language, built on first use: the language is read at each call (#16).
const dateTimes = new Map<Language, Intl.DateTimeFormat>();
const relatives = new Map<Language, Intl.RelativeTimeFormat>();
function dateTimeFormat(): Intl.DateTimeFormat {
  const lang = language();
  let f = dateTimes.get(lang);
  if (!f) dateTimes.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })));
  return f;
}
function relativeFormat(): Intl.RelativeTimeFormat {
  const lang = language();
  let f = relatives.get(lang);
  if (!f) relatives.set(lang, (f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  return f;
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateTimeFormat().format(d);
}

/** "5 min ago" for recent things, the date beyond a week (exact time stays in the title attribute). */
export function formatRelative(iso: string, now = serverNow()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const s = Math.round((t - now) / 1000);
  const a = Math.abs(s);
  if (a < 45) return formatMessages.t('justNow');
  const relative = relativeFormat();
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
