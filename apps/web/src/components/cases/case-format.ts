// Display helpers of the cases screens: live durations, labels, the created-at line.
import { PORTAL_CUSTOMER_ENDED_LINE } from '@switchboard/contracts';
import { useEffect, useState } from 'preact/hooks';
import { casesMessages } from '../../lib/cases.i18n';
import type { CaseView } from '../../lib/cases.types';
import { formatDate, language } from '../../lib/i18n';
import { serverNow } from '../../lib/server-clock';

const { t, tOr } = casesMessages;

/** Re-render every `ms` (the waiting/chat times tick live); one timer per mounted user. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(serverNow());
  useEffect(() => {
    const id = setInterval(() => setNow(serverNow()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

const time = (iso: string | null | undefined) => (iso ? new Date(iso).getTime() : NaN);

/** 0:42, 12:05, 1:02:09, 3d 4h (3 j 4 h in French). */
export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0;
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  if (d > 0) return t('days', { days: d, hours: Math.floor((s % 86400) / 3600) });
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/**
 * The item's time: waiting while unassigned, chat time once assigned (live chats); for support
 * requests the waiting time plus the time since it was submitted.
 */
export function caseTimes(c: CaseView, now: number): { label: string; value: string }[] {
  const created = time(c.createdAt);
  const assigned = time(c.assignedAt);
  const end = c.endedAt ? time(c.endedAt) : c.resolvedAt ? time(c.resolvedAt) : now;
  if (c.type === 'live_chat') {
    if (c.status === 'unassigned') return [{ label: t('waiting'), value: duration((c.endedAt ? end : now) - created) }];
    return [{ label: t('chatTime'), value: duration(end - (Number.isNaN(assigned) ? created : assigned)) }];
  }
  const submitted = Number.isNaN(time(c.submittedAt)) ? created : time(c.submittedAt);
  const waited = c.status === 'unassigned' || Number.isNaN(assigned) ? now - created : assigned - created;
  return [
    { label: c.status === 'unassigned' ? t('waiting') : t('waited'), value: duration(waited) },
    { label: t('submitted'), value: t('ago', { duration: duration(now - submitted) }) },
  ];
}

// Labels are looked up at each call (never kept in a const), so a language switch follows.
const capital = (key: string) => key.replace(/(^|_)(\w)/g, (_, __, ch: string) => ch.toUpperCase());

/** "Unassigned", "Assigned", "Resolved" in the current language (an unknown status as is). */
export const statusLabel = (status: string): string => tOr(`status${capital(status)}`, status);
/** "Live chat", "Support request" in the current language. */
export const typeLabel = (type: string): string => tOr(`type${capital(type)}`, type);
/** Why a chat ended, as the case pane's notice; the customer's end is the log's own system line. */
export function endedLabel(reason: string): string {
  if (reason === 'customer_ended') return PORTAL_CUSTOMER_ENDED_LINE[language()];
  return tOr(`ended${capital(reason)}`, t('endedDefault'));
}

export function customerName(c: CaseView): string {
  return `${c.customer?.firstName ?? ''} ${c.customer?.lastName ?? ''}`.trim() || c.customer?.email || t('customer');
}

const CREATED: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  hour: '2-digit',
  minute: '2-digit',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};
/** "Saturday, 21 November 2026 at 14:05" (weekday, time and date as the spec asks), in the current language. */
export function createdLine(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : formatDate(d, CREATED);
}
