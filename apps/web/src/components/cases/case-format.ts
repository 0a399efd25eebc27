// Display helpers of the cases screens: live durations, labels, the created-at line.
import { PORTAL_CUSTOMER_ENDED_TEXT } from '@switchboard/contracts';
import { useEffect, useState } from 'preact/hooks';
import type { CaseView } from '../../lib/cases.types';
import { serverNow } from '../../lib/server-clock';

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

/** 0:42, 12:05, 1:02:09, 3d 4h. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0;
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  if (d > 0) return `${d}d ${Math.floor((s % 86400) / 3600)}h`;
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
    if (c.status === 'unassigned') return [{ label: 'Waiting', value: duration((c.endedAt ? end : now) - created) }];
    return [{ label: 'Chat time', value: duration(end - (Number.isNaN(assigned) ? created : assigned)) }];
  }
  const submitted = Number.isNaN(time(c.submittedAt)) ? created : time(c.submittedAt);
  const waited = c.status === 'unassigned' || Number.isNaN(assigned) ? now - created : assigned - created;
  return [
    { label: c.status === 'unassigned' ? 'Waiting' : 'Waited', value: duration(waited) },
    { label: 'Submitted', value: `${duration(now - submitted)} ago` },
  ];
}

export const STATUS_LABEL: Record<string, string> = {
  unassigned: 'Unassigned',
  assigned: 'Assigned',
  resolved: 'Resolved',
};
export const TYPE_LABEL: Record<string, string> = { live_chat: 'Live chat', support_request: 'Support request' };
export const ENDED_LABEL: Record<string, string> = {
  customer_ended: PORTAL_CUSTOMER_ENDED_TEXT,
  technician_left: 'The technician left the chat',
  converted: 'Converted to a support request',
  abandoned: 'The customer left without ending the chat',
};

export function customerName(c: CaseView): string {
  return `${c.customer?.firstName ?? ''} ${c.customer?.lastName ?? ''}`.trim() || c.customer?.email || 'Customer';
}

const created = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  hour: '2-digit',
  minute: '2-digit',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
/** "Saturday, 21 November 2026 at 14:05" (weekday, time and date as the spec asks), locale-formatted. */
export function createdLine(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : created.format(d);
}
