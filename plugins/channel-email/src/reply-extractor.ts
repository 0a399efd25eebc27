/**
 * The new text of a reply: quoted history and the client's reply header cut off, mobile
 * signatures dropped. Works on the plain-text part (HTML-only mail arrives here as text, its
 * blockquotes already cut). When nothing would remain (a reply written inside the quote) the
 * whole text is kept: losing what the user wrote is worse than showing some history.
 *
 * The rules come by class, each in its module:
 * - attribution-lines.ts: "On … wrote:" and translations, name-first, date-first, dashed, wrapped;
 * - outlook-headers.ts: From/Sent/To/Subject blocks, "Original Message", divider lines, forwards;
 * - signatures.ts: app signatures by family, "-- ", "__", "-Name".
 *
 * How they compose: lines are read top to bottom. Quoted lines ("> …") are history; an attribution
 * followed by a quote belongs to that quote, and what follows the quote is new again (bottom
 * posting, answers between quoted blocks, a sign-off after the quote). Unquoted history — an
 * attribution or a header block followed by plain text, "Original Message", a divider — ends the
 * reply. Then the first signature ends it.
 *
 * Where public corpora disagree, one rule each (bench/README.md lists the cases):
 * - A sign-off the user typed ("Regards, Roman", "Best,\nJane Doe, CEO") is kept: it is the user's
 *   text and shows who answered. A one-line "-Name" after a blank line is a signature (cut).
 * - A mobile or app signature ("Sent from my iPhone", "Sent with Sparrow") is not part of the reply.
 * - A forward ("---------- Forwarded message ----------" and translations, not inside a quote) is
 *   kept whole, with its headers: it is what the sender wants the helpdesk to read.
 */
import { attributionAt } from './attribution-lines.js';
import { dividerAt, headerBlockAt, isForwardLine, isOriginalMessageLine } from './outlook-headers.js';
import { signatureStart } from './signatures.js';

export interface ExtractedReply {
  text: string;
  /** Whether anything was cut (the full text differs). */
  stripped: boolean;
}

/** A quoted line; ">>> text <<<" arrows around a line are decoration, not a quote. */
const isQuoted = (line: string) => /^\s*>/.test(line) && !/^\s*>{2,}.*\s<{2,}\s*$/.test(line);

/**
 * An unquoted line inside a quote: the client re-wrapped a long quoted line and the rest lost its
 * "> " ("> … Nullam pharetra d\nignissim odio?\n> …"), or a link broke it. Taken for the quote's
 * when a quoted line comes right before and right after, and it reads as a continuation: a start
 * in lowercase under a long (wrapped) line, or a start that is no word at all (" (http…", "_x=1)").
 * "> Which floor?\nthird\n> Which printer?" is an answer.
 */
function continuesQuote(lines: string[], i: number): boolean {
  if (i === 0 || !isQuoted(lines[i - 1]) || !isQuoted(lines[i + 1] ?? '')) return false;
  const above = lines[i - 1].replace(/^\s*>[>\s]*/, '').trimEnd();
  return /^(?:\s|[^\p{L}\p{N}])/u.test(lines[i]) || (/^\p{Ll}/u.test(lines[i]) && above.length >= 40);
}

/** The next non-blank line at or after `from`. */
function nextNonBlank(lines: string[], from: number): number {
  let j = from;
  while (j < lines.length && !lines[j].trim()) j++;
  return j;
}

/** The user's own lines, before signatures are looked for. */
function newLines(lines: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isQuoted(line) || continuesQuote(lines, i)) continue;
    if (isForwardLine(line)) return kept.concat(lines.slice(i));
    const attribution = attributionAt(lines, i);
    if (attribution) {
      if (attribution.before) kept.push(attribution.before.replace(/\s*-+$/, ''));
      const after = i + attribution.span;
      const next = nextNonBlank(lines, after);
      // Attribution above a quote: it goes with the quote; what follows the quote is new text.
      if (next < lines.length && isQuoted(lines[next])) {
        i = after - 1;
        continue;
      }
      return kept;
    }
    if (isOriginalMessageLine(line) || headerBlockAt(lines, i) || dividerAt(lines, i)) return kept;
    kept.push(line);
  }
  return kept;
}

export function extractReply(input: string): ExtractedReply {
  const full = input.replace(/\r\n?/g, '\n');
  let kept = newLines(full.split('\n'));
  const forward = kept.findIndex(isForwardLine);
  // A forwarded message keeps its own signatures; only the sender's text above it is looked at.
  const head = forward < 0 ? kept : kept.slice(0, forward);
  const signature = signatureStart(head);
  if (signature >= 0) kept = head.slice(0, signature);
  // Dividers and separators left at the end ("====" above a header block, "reply---").
  while (kept.length && /^[\s\-_=*~—–]*$/.test(kept[kept.length - 1])) kept.pop();

  const text = kept
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!text) return { text: full.trim(), stripped: false };
  return { text, stripped: text !== full.trim() };
}
