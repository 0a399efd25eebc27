import { createHash } from 'node:crypto';
import type { InboundMessage } from '@switchboard/plugin-sdk';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { decodeFlowed, unflowSource } from './flowed-text.js';
import { classifyAutomated } from './automated-mail.js';
import { htmlToPlainText } from './html-text.js';
import { extractReply } from './reply-extractor.js';
import { returnedMessage } from './returned-message.js';

/** The largest message accepted (attachments included): the SMTP listener refuses more with 552. */
export const MAX_MESSAGE_BYTES = 20 * 1024 * 1024;
/** HTML parts above this are left out of the normalised message (the original keeps them). */
const MAX_HTML_CHARS = 1_000_000;

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((a) => a.value)
    .filter((v) => !!v.address)
    .map((v) => ({ address: v.address!.toLowerCase(), ...(v.name ? { name: v.name } : {}) }));

const bracketed = (id: string) => (id.trim().startsWith('<') ? id.trim() : `<${id.trim()}>`);

/**
 * Raw RFC 822 bytes → the SDK's normalised InboundMessage. The external id is the Message-ID
 * (or, for the rare mail without one, a hash of the source: still stable across redeliveries).
 * `recipients` are the helpdesk addresses it was delivered to (loop guard, Cc filtering).
 */
export async function toInboundMessage(raw: Buffer, recipients: string[]): Promise<InboundMessage> {
  // skipHtmlToText: mailparser derives a text only for a lone HTML part, not for HTML next to
  // attachments (#13.12), and keeps images as text; the text of every HTML-only mail is ours below.
  const source = unflowSource(raw);
  const parsed: ParsedMail = await simpleParser(source.raw, {
    skipImageLinks: true,
    keepCidLinks: true,
    skipHtmlToText: true,
  });
  const from = addresses(parsed.from)[0] ?? { address: 'unknown@invalid' };
  const subject = (parsed.subject ?? '').trim();
  const textPart = (source.flowed ? decodeFlowed(parsed.text ?? '', source.delSp) : (parsed.text ?? '')).trim();
  const fromHtml =
    !textPart && typeof parsed.html === 'string' ? htmlToPlainText(parsed.html.slice(0, MAX_HTML_CHARS)) : null;
  const fullText = fromHtml ? fromHtml.full : textPart;
  // The HTML quote (blockquote, gmail_quote) is already cut; extractReply still cuts the rest.
  const extracted = extractReply(fromHtml ? fromHtml.reply : textPart);
  const reply = {
    text: extracted.text,
    stripped: extracted.stripped || (!!fromHtml && fromHtml.reply !== fromHtml.full),
  };
  const automatedKind = classifyAutomated(parsed.headers, subject, from.address);
  // A bounce names its ticket only inside the message it returns (SDK 1.4 `returned`).
  const returned = automatedKind === 'bounce' ? await returnedMessage(parsed, raw) : null;
  const references =
    typeof parsed.references === 'string' ? parsed.references.split(/\s+/).filter(Boolean) : (parsed.references ?? []);
  const html = typeof parsed.html === 'string' && parsed.html.length <= MAX_HTML_CHARS ? parsed.html : undefined;
  const message: InboundMessage = {
    externalId: parsed.messageId
      ? bracketed(parsed.messageId)
      : `<sha256-${createHash('sha256').update(raw).digest('hex')}@switchboard.invalid>`,
    from,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject,
    text: reply.text,
    ...(reply.stripped ? { fullText } : {}),
    ...(html ? { html } : {}),
    attachments: parsed.attachments
      // A DSN's machine-readable parts are not attachments anyone wants on a ticket.
      .filter((a) => !/^message\/(delivery-status|disposition-notification)$/i.test(a.contentType))
      .map((a) => ({
        filename:
          a.filename ?? (a.contentType.startsWith('image/') ? `image.${a.contentType.split('/')[1]}` : 'attachment'),
        contentType: a.contentType,
        size: a.size,
        contentBase64: a.content.toString('base64'),
        ...(a.contentDisposition === 'inline' || a.related ? { inline: true } : {}),
        ...(a.contentId ? { contentId: a.contentId.replace(/^<|>$/g, '') } : {}),
      })),
    ...(parsed.inReplyTo ? { inReplyTo: bracketed(parsed.inReplyTo.split(/\s+/)[0]) } : {}),
    references: references.map(bracketed),
    ...(parsed.date ? { sentAt: parsed.date.toISOString() } : {}),
    ...(automatedKind ? { automated: true, automatedKind } : {}),
    ...(returned ? { returned } : {}),
    recipients: [...new Set(recipients.map((r) => r.toLowerCase()))],
    rawBase64: raw.toString('base64'),
    rawContentType: 'message/rfc822',
  };
  return message;
}
