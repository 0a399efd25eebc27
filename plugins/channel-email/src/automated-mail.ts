import type { AutomatedKind } from '@switchboard/plugin-sdk';

export interface HeaderLookup {
  get(name: string): unknown;
}

const OUT_OF_OFFICE =
  /^\s*(out of (the )?office|ooo\b|automatic reply|auto[- ]?reply|autoreply|auto:|abwesenheitsnotiz|automatische antwort|r[ée]ponse automatique|absent|absence|vacation|on vacation|away from (the )?office|respuesta automática|risposta automatica)/i;
const BOUNCE_SUBJECT =
  /(undeliver|delivery status notification|delivery (has )?failed|returned mail|failure notice|mail delivery (failed|subsystem)|non[- ]?remis|unzustellbar)/i;

const text = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in (value as object)) return String((value as { value: unknown }).value);
  return String(value);
};

/**
 * Auto-replies and bounces (loop and noise protection): `Auto-Submitted` other than `no`,
 * `X-Autoreply`/`X-Autorespond`, `Precedence: bulk/junk/list`, out-of-office subjects; bounces
 * are DSNs (`multipart/report; report-type=delivery-status`) or mailer-daemon failure notices.
 */
export function classifyAutomated(headers: HeaderLookup, subject: string, fromAddress: string): AutomatedKind | null {
  const contentType = headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | string | undefined;
  const type = text(contentType).toLowerCase();
  const reportType =
    typeof contentType === 'object'
      ? (contentType?.params?.['report-type'] ?? '').toLowerCase()
      : /report-type=["']?delivery-status/i.test(type)
        ? 'delivery-status'
        : '';
  if (type.startsWith('multipart/report') && (reportType === 'delivery-status' || reportType === '')) return 'bounce';
  const local = fromAddress.split('@')[0].toLowerCase();
  if ((local === 'mailer-daemon' || local === 'postmaster') && BOUNCE_SUBJECT.test(subject)) return 'bounce';

  const autoSubmitted = text(headers.get('auto-submitted')).trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto-reply';
  if (
    headers.get('x-autoreply') !== undefined ||
    headers.get('x-autorespond') !== undefined ||
    headers.get('x-autoresponder') !== undefined
  )
    return 'auto-reply';
  const precedence = text(headers.get('precedence')).trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list' || precedence === 'auto_reply')
    return 'auto-reply';
  if (OUT_OF_OFFICE.test(subject)) return 'auto-reply';
  return null;
}
