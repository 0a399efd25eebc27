import { convert, type HtmlToTextOptions, type SelectorDefinition } from 'html-to-text';

/**
 * Where mail clients put the quoted history inside HTML (Gmail, Apple Mail/Thunderbird
 * `<blockquote type="cite">`, Yahoo, Proton, Outlook's reply header block). Cut like the "> "
 * lines of a text part; the "On … wrote:" line left above them is cut by extractReply.
 */
const QUOTE_SELECTORS = [
  'blockquote',
  '.gmail_quote',
  '.gmail_attr',
  '.moz-cite-prefix',
  '.yahoo_quoted',
  '.protonmail_quote',
  '#divRplyFwdMsg',
];

const BASE: SelectorDefinition[] = [
  // Images (tracking pixels, inline logos: the files are attachments anyway), scripts and styles carry no text.
  { selector: 'img', format: 'skip' },
  { selector: 'script', format: 'skip' },
  { selector: 'style', format: 'skip' },
  { selector: 'head', format: 'skip' },
  // "text [url]", and just the text when it is the url.
  { selector: 'a', options: { linkBrackets: ['[', ']'], hideLinkHrefIfSameAsText: true } },
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, options: { uppercase: false } })),
  // Most HTML mail lays out with tables: cells read as lines, not glued together or drawn as a grid.
  ...['table', 'tr', 'td', 'th'].map((selector) => ({
    selector,
    format: 'block',
    options: { leadingLineBreaks: 1, trailingLineBreaks: 1 },
  })),
];

const options = (selectors: SelectorDefinition[]): HtmlToTextOptions => ({
  wordwrap: false,
  selectors: [...BASE, ...selectors],
});
const FULL = options([]);
const WITHOUT_QUOTES = options(QUOTE_SELECTORS.map((selector) => ({ selector, format: 'skip' })));

export interface HtmlText {
  /** The whole message as text (quotes included, rendered "> "). */
  full: string;
  /** Without the quoted history; the whole text when nothing else would remain. */
  reply: string;
}

/** The text of an HTML-only mail (no text/plain part), for the comment body. */
export function htmlToPlainText(html: string): HtmlText {
  const tidy = (s: string) =>
    s
      .replace(/\u00a0/g, ' ')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  const full = tidy(convert(html, FULL));
  const reply = tidy(convert(html, WITHOUT_QUOTES));
  return { full, reply: reply || full };
}
