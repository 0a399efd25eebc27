import type { AutomatedKind } from '@switchboard/plugin-sdk';

export interface HeaderLookup {
  get(name: string): unknown;
}

/**
 * What auto-responders put first in the subject (Outlook, Exchange, Gmail, Zimbra, Lotus...), in
 * English, French, German, Spanish, Italian, Dutch and Portuguese. Read only at the very start
 * (a reply "Re: out of office plans" or a forward "TR: Réponse automatique…" is a person) and only
 * when the phrase is whole: followed by ":", "(", the end, or a word like "reply"/"notice" and then
 * ":" or the end ("Out of office plans for May" is a person too). Bare words a person may start a
 * subject with ("Absence", "Vacation", "OOO") are left to the headers.
 */
const OUT_OF_OFFICE_PHRASES = [
  'out of (?:the )?office',
  'automatic reply',
  'auto[- ]?reply',
  'auto[- ]?response',
  'away from (?:the |my )?office',
  'vacation (?:reply|response|notice)',
  // fr
  'absen(?:ce|t|te) du bureau',
  "message d['’]absence",
  'r[ée]ponse automatique',
  // de
  'abwesenheitsnotiz',
  'automatische antwort',
  // es
  'fuera de (?:la )?oficina',
  'respuesta autom[áa]tica',
  // it
  'fuori (?:sede|ufficio)',
  'risposta automatica',
  // nl, pt
  'automatisch antwoord',
  'afwezigheidsbericht',
  'resposta autom[áa]tica',
  'fora do escrit[óo]rio',
];
const PHRASE = `(?:${OUT_OF_OFFICE_PHRASES.join('|')})`;
const OUT_OF_OFFICE = new RegExp(
  String.raw`^\s*(?:\[(?:ext|external|extern|externe|externo)\]\s*)?` +
    // "[Auto-Reply] anything", or the phrase (maybe "… reply") then ":", "(" or the end.
    String.raw`(?:\[${PHRASE}\]|${PHRASE}(?:\s+(?:reply|autoreply|notice|notification|message|response|mail))?\s*(?::|\(|$))`,
  'iu',
);
/** Lotus Notes: "AUTO: Jane Doe is out of the office" (upper case only: "Auto: car park" is a person). */
const LOTUS_AUTO = /^\s*AUTO:/;
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
  if (OUT_OF_OFFICE.test(subject) || LOTUS_AUTO.test(subject)) return 'auto-reply';
  return null;
}
