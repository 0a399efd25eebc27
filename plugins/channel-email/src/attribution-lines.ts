/**
 * Attribution lines: the line(s) a mail client writes above the text it quotes ("On Mon, 4 Mar
 * 2024 at 10:12, Jane <jane@x.example> wrote:" and its translations, name-first forms, date-first
 * forms without a verb, dashed Zoho/Android forms). Clients wrap long ones over several lines
 * (often right after "<" or "("), so candidates are joined over up to five lines.
 */

/** "wrote" in the languages clients use, as the last word(s) of the line or before the name. */
const VERB =
  '(?:wrote|writes|a\\s+[ée]crit|schrieb|schreef|het\\s+volgende\\s+geschreven|geschreven|escribi[óo]|escreveu|ha\\s+scritto|scrisse|skrev|kirjoitti|napisa[łl](?:\\(a\\)|a)?|написал(?:\\(а\\)|а)?|написав(?:\\(ла\\)|ла)?|đã\\s+viết|napsal(?:\\(a\\)|a)?|írta|yazdı|写道|寫道)';

/** Words that open an attribution ("On …", "Le …", "Am …", "W dniu …", "Vào …"). */
const LEAD = /^(?:on|le|am|el|il|op|em|den|på|vào|in\s+data|w\s+dniu|dnia|dne|citando|quoting)\s/i;

// The line ends with the verb (colon optional: some clients drop it): "…, Jane <j@x> wrote:".
const ENDS_WITH_VERB = new RegExp(`(?:^|[\\s>)"'\\]])${VERB}\\s*[:：]?$`, 'iu');
// English clients that say "sent" instead ("On …, Jane <j@x> sent:"): only after "On".
const ON_SENT = /^on\s.*\ssent:$/i;
// The verb before the name: "tir. 18. apr. 2017 kl. 13:09 skrev Jane <j@x>:", "Am … schrieb Jane <j@x>:".
const VERB_THEN_ADDRESS = new RegExp(`(?:^|\\s)${VERB}\\s.*[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\b[>)\\]]?\\s*:?$`, 'iu');
// Name first, date after: "Jane Doe schrieb am 04.03.2024 um 10:12:", "Jane wrote on 4 Mar 2024:".
const VERB_THEN_DATE = new RegExp(`\\s${VERB}\\s+(?:am|on|le|el|il|op|den|em)\\s.*\\d.*:$`, 'iu');
// Thunderbird: "Am 05.03.24 um 09:30 schrieb Helpdesk:", "Op 05-03-2024 om 09:30 schreef Jane Doe:".
const LEAD_VERB_NAME = new RegExp(`\\s${VERB}\\s+[^:：]{1,80}[:：]$`, 'iu');
// Date first, no verb: "2024-03-04 10:12 GMT+01:00 Jane <j@x>:", "ср, 4 мар. 2024 г. в 10:12, Jane <j@x>:".
const ADDRESS_COLON = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[>)\]]\s*:$|[\w.+-]+@[\w-]+(?:\.[\w-]+)+:$/u;
const ADDRESS_END = /<[^<>\s]+@[^<>\s]+>$/u;

/** A number opening one of the first three words: dates and times open date-first lines. */
const startsWithDate = (s: string) =>
  s
    .split(/\s+/)
    .slice(0, 3)
    .some((w) => /^\d/.test(w));
const hasAddressOrDigit = (s: string) => /@|\d/.test(s);

/** "---- On … wrote ----", "-----Jane wrote-----": the dashes Zoho and Android put around it. */
const undash = (s: string) => {
  const m = /^-{2,}\s*(.*?)\s*-{2,}$/.exec(s) ?? /^-{2,}\s*(.*?\S)$/.exec(s);
  return m ? { text: m[1], dashed: true } : { text: s, dashed: false };
};

/**
 * Whether one (joined) line is an attribution. `quoteFollows`: the next non-blank line is quoted
 * ("> …"), which makes shapes that would be too loose on their own (no colon, no verb) safe.
 */
export function isAttribution(raw: string, quoteFollows: boolean): boolean {
  const { text, dashed } = undash(raw.trim());
  const s = text.trim();
  if (!s || s.length > 320) return false;
  const colon = /[:：]$/.test(s);
  if (ENDS_WITH_VERB.test(s)) {
    // A bare "I wrote:" in prose is not one: an address, a date, an opening word, dashes or a quote
    // below make it one. Without the colon ("On …, Jane <j@x> wrote"), only dashed or "On … <date>".
    if (colon) return hasAddressOrDigit(s) || LEAD.test(s) || dashed || quoteFollows;
    return dashed || (LEAD.test(s) && hasAddressOrDigit(s));
  }
  if (ON_SENT.test(s) && hasAddressOrDigit(s)) return true;
  // "On 3 May I wrote to jane@x.example" is a sentence: the verb-first form ends with a colon or a quote.
  if (VERB_THEN_ADDRESS.test(s) && /\d/.test(s) && (colon || quoteFollows)) return true;
  if (VERB_THEN_DATE.test(s)) return true;
  if (LEAD.test(s) && /\d/.test(s) && LEAD_VERB_NAME.test(s)) return true;
  if (startsWithDate(s) && ADDRESS_COLON.test(s)) return true;
  if (startsWithDate(s) && ADDRESS_END.test(s) && quoteFollows) return true;
  return false;
}

const HAS_VERB = new RegExp(`(?:^|[\\s>)"'\\]])${VERB}(?:\\s|[:：]|$)`, 'iu');

/** Whether a line can open an attribution (so wrapped lines are joined only from a plausible start). */
function canOpen(line: string): boolean {
  const s = undash(line).text;
  return LEAD.test(s) || startsWithDate(s) || /@/.test(s) || HAS_VERB.test(s);
}

const isQuoted = (line: string) => /^\s*>/.test(line);

/** The next non-blank line from `from` on is quoted. */
function quoteAfter(lines: string[], from: number): boolean {
  for (let j = from; j < lines.length; j++) if (lines[j].trim()) return isQuoted(lines[j]);
  return false;
}

export interface AttributionMatch {
  /** Lines it spans from the start line (blank lines inside included). */
  span: number;
  /** When it starts inside the line ("reply On … wrote:"), the user's text before it. */
  before?: string;
}

/**
 * The attribution starting at line `i`, if any. A wrapped one is joined with up to four following
 * lines (blank lines are skipped only before a line opening with "<" or "(", as Polymail wraps; a
 * continuation may carry a stray "> " when the client quoted the end of the header).
 */
export function attributionAt(lines: string[], i: number): AttributionMatch | null {
  const first = lines[i].trim();
  if (!first || isQuoted(first)) return null;
  // Glued to the reply's last words: "reply On Wed, … wrote:", "reply--- On Wed, … wrote:" (the
  // opening word capitalised, as clients write it: "Jane wrote on Monday:" is not split).
  const glued = /^(.*?\S)(?:\s*-{2,}\s*|\s+)((?:On|Le|Am|El|Op)\s.*)$/u.exec(first);
  if (glued && ENDS_WITH_VERB.test(glued[2]) && isAttribution(glued[2], quoteAfter(lines, i + 1))) {
    return { span: 1, before: glued[1] };
  }
  if (canOpen(first)) {
    let joined = first;
    let j = i + 1;
    if (isAttribution(joined, quoteAfter(lines, j))) return { span: 1 };
    for (let extra = 0; extra < 4 && j < lines.length; extra++) {
      let k = j;
      while (k < lines.length && !lines[k].trim() && k - j < 2) k++;
      const next = (lines[k] ?? '').trim();
      if (!next || (k > j && !/^[<(]/.test(next))) break;
      // A finished sentence, or a next line opening an attribution of its own: not one wrapped line.
      if (LEAD.test(next) || (/[.!?]$/.test(joined) && !/^[<(]/.test(next))) break;
      joined = `${joined} ${next.replace(/^>\s*/, '')}`.replace(/([<(])\s+/g, '$1');
      j = k + 1;
      if (joined.length > 320) break;
      if (isAttribution(joined, quoteAfter(lines, j))) return { span: j - i };
      if (isQuoted(next)) break;
    }
  }
  return null;
}
