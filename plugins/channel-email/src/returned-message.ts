import type { ReturnedMessage } from '@switchboard/plugin-sdk';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';

/** Parts of a delivery report that carry the returned message or its headers (RFC 3462, RFC 6533). */
const RETURNED_TYPES = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global-headers',
]);
/** Header blocks larger than this are not a mail's headers (and are not read further). */
const MAX_HEADER_CHARS = 64 * 1024;

const HEADER_LINE = /^[!-9;-~]+:/;
const CONTINUATION = /^[ \t]/;

/**
 * What a bounce says about the message it returns, for the core to find the ticket: the returned
 * Message-ID, In-Reply-To, References and Subject, and the recipient that failed. Read from the
 * report's `message/rfc822` (or `text/rfc822-headers`) part, else from the copy a plain failure
 * notice quotes in its text (qmail, Exim: "--- Below this line is a copy of the message."). Null
 * when the report carries none of them.
 */
export async function returnedMessage(
  parsed: Pick<ParsedMail, 'text' | 'attachments' | 'headers'>,
  raw: Buffer,
): Promise<ReturnedMessage | null> {
  const text = parsed.text ?? '';
  const part = parsed.attachments.find((a) => RETURNED_TYPES.has(a.contentType.toLowerCase()));
  const block = part
    ? headerBlock(part.content.toString('utf8'))
    : (inlinePartHeaderBlock(raw) ?? quotedHeaderBlock(text));
  const headers = block ? await simpleParser(Buffer.from(`${block}\r\n\r\n`)) : null;
  const to = headers ? addressesOf(headers.to) : [];
  const recipient = failedRecipient(parsed, text) ?? (to.length === 1 ? to[0] : undefined);
  const references =
    typeof headers?.references === 'string' ? headers.references.split(/\s+/) : (headers?.references ?? []);
  const returned: ReturnedMessage = {
    ...(headers?.messageId ? { messageId: bracketed(headers.messageId) } : {}),
    ...(headers?.inReplyTo ? { inReplyTo: bracketed(headers.inReplyTo.split(/\s+/)[0]) } : {}),
    ...(references.length ? { references: references.filter(Boolean).slice(-100).map(bracketed) } : {}),
    ...(headers?.subject ? { subject: headers.subject.trim().slice(0, 2000) } : {}),
    ...(recipient ? { recipient } : {}),
  };
  return Object.keys(returned).length ? returned : null;
}

/** The headers at the top of a returned message (up to its first empty line). */
function headerBlock(source: string): string | null {
  const head = source.slice(0, MAX_HEADER_CHARS).replace(/^\s+/, '');
  const end = head.search(/\r?\n\r?\n/);
  const block = end >= 0 ? head.slice(0, end) : head;
  return HEADER_LINE.test(block) ? block : null;
}

/**
 * An inline `message/rfc822` part: mailparser renders it into the text with only From/To/Subject/Date,
 * so its headers are read from the source (such parts are 7bit/8bit by RFC 2046: no decoding needed).
 */
function inlinePartHeaderBlock(raw: Buffer): string | null {
  const source = raw.subarray(0, 4 * 1024 * 1024).toString('utf8');
  const type = /^content-type:[ \t]*(?:message\/(?:rfc822|global)(?:-headers)?|text\/rfc822-headers)\b/im.exec(source);
  if (!type) return null;
  const partHeadersEnd = /\r?\n\r?\n/g;
  partHeadersEnd.lastIndex = type.index;
  const end = partHeadersEnd.exec(source);
  return end ? headerBlock(source.slice(end.index + end[0].length)) : null;
}

/**
 * The header block a plain failure notice quotes: the run of header lines around a `Message-ID:`
 * line, indented or `>`-quoted as a whole in some notices (the common prefix is removed).
 */
function quotedHeaderBlock(text: string): string | null {
  const lines = text.slice(0, MAX_HEADER_CHARS * 4).split(/\r?\n/);
  const at = lines.findIndex((l) => /^[ \t>]*message-id:\s*\S/i.test(l));
  if (at < 0) return null;
  const prefix = /^[ \t>]*/.exec(lines[at])![0];
  const unquote = (l: string) => (l.startsWith(prefix) ? l.slice(prefix.length) : null);
  const isHeader = (l: string | null) => l !== null && (HEADER_LINE.test(l) || CONTINUATION.test(l));
  let start = at;
  while (start > 0 && isHeader(unquote(lines[start - 1]))) start--;
  let end = at;
  while (end + 1 < lines.length && isHeader(unquote(lines[end + 1]))) end++;
  // A block starting with a continuation line has lost its header name: start at the first named one.
  while (start < at && !HEADER_LINE.test(unquote(lines[start])!)) start++;
  return lines
    .slice(start, end + 1)
    .map((l) => unquote(l)!)
    .join('\r\n');
}

/**
 * The recipient the report says failed: `Original-Recipient` (the address we wrote to, before any
 * forwarding), else `Final-Recipient` (the delivery-status part, which mailparser keeps in the
 * text), else Exim's `X-Failed-Recipients` header, else qmail's `<address>:` line.
 */
function failedRecipient(parsed: Pick<ParsedMail, 'attachments' | 'headers'>, text: string): string | undefined {
  const status = [
    text,
    ...parsed.attachments
      .filter((a) => /^message\/(global-)?delivery-status$/i.test(a.contentType))
      .map((a) => a.content.toString('utf8')),
  ].join('\n');
  for (const field of ['original-recipient', 'final-recipient']) {
    const m = new RegExp(`^${field}:\\s*(?:rfc822|utf-8)\\s*;\\s*<?([^\\s<>;]+@[^\\s<>;]+)>?`, 'im').exec(status);
    if (m) return clean(m[1]);
  }
  const failed = parsed.headers.get('x-failed-recipients');
  if (typeof failed === 'string' && failed.includes('@')) return clean(failed.split(',')[0]);
  const qmail = /^<([^\s<>]+@[^\s<>]+)>:\s*$/m.exec(text);
  return qmail ? clean(qmail[1]) : undefined;
}

const clean = (address: string) => address.trim().toLowerCase().slice(0, 320);

const addressesOf = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((a) => a.value)
    .filter((v) => !!v.address)
    .map((v) => clean(v.address!));

const bracketed = (id: string) => {
  const trimmed = id.trim().slice(0, 1000);
  return trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
};
