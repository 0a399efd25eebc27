/**
 * Ticket numbers named in a mail subject, in the order they should be tried: first the `[#42]`
 * token our outbound subjects carry, then the forms people type ("Ticket 128", "Re: Demande #128",
 * "Ticket no. 128", "ticket n° 128", "Case #128").
 *
 * Two kinds of words, because a number after a word is only a ticket when the word says so:
 * - strong words mean "support ticket" in every mail (ticket, demande, Anfrage, solicitud, …):
 *   a bare number after them is enough;
 * - weak words also name other things (a court case, a "dossier", "Fall" is also "fall"): they
 *   need `#` or a number word (no., n°, Nr., number, numéro…) before the number.
 * Left out on purpose: "issue", "request", "PR", "order" — GitHub/GitLab notifications ("Issue
 * #12"), shop mail ("Order #4521") would thread into the wrong ticket. A bare `#4521` never counts.
 * The caller still applies the sender check (requester, Cc or technician) to every number.
 */

/** `[#42]`, what our own outbound subjects carry. */
const BRACKET_TOKEN = /\[#(\d{1,9})\]/gu;

// Singular and plural, accented and unaccented spellings (people drop accents in subjects).
const STRONG_WORDS = [
  'tickets?',
  'demandes?',
  'anfragen?',
  'solicitud(?:es)?',
  'richiest[ae]',
  'chamados?',
  'zg[łl]oszeni[ea]',
  'aanvra(?:ag|gen)',
  'henvendelse',
  'ärende',
  'arende',
];
const WEAK_WORDS = [
  'cases?',
  'dossiers?',
  'f[äa]lle?',
  'vorgang',
  'vorg[äa]nge',
  'casos?',
  'incidents?',
  'incidentes?',
  'incidenti?',
  'pratica',
  'pratiche',
  'supportfall',
];

// "no." (with its dot: "no 5" is too often English), n°/nº/n., Nr., num., number, numéro, Nummer, número, numero.
const NUMBER_WORD = String.raw`(?:no\.|n[°º]|n\.|nr\.?|num\.|number|num[ée]ro|nummer|n[úu]mero)`;
const SEP = String.raw`[\s:\-–]*`;
const BEFORE = String.raw`(?<![\p{L}\p{N}_])`;
// Not part of a longer number or word ("ticket 128abc", "ticket 1.5", "ticket 12-3" are kept out).
const AFTER = String.raw`(?![\p{L}\p{N}_]|[.,\-]\p{N})`;

const STRONG = new RegExp(
  // A strong word may also take "no" without its dot ("ticket no 128").
  String.raw`${BEFORE}(?:${STRONG_WORDS.join('|')})${SEP}(?:(?:#|${NUMBER_WORD}|no(?=\s))\s*)?(\d{1,9})${AFTER}`,
  'giu',
);
const WEAK = new RegExp(
  String.raw`${BEFORE}(?:${WEAK_WORDS.join('|')})${SEP}(?:#|${NUMBER_WORD})\s*(\d{1,9})${AFTER}`,
  'giu',
);

/** At most this many numbers are tried per subject (each costs a lookup). */
const MAX_CANDIDATES = 3;

/** The ticket numbers a subject names, bracket tokens first, then typed forms by position; none → []. */
export function subjectTicketNumbers(subject: string | undefined | null): number[] {
  const s = (subject ?? '').slice(0, 1000);
  const bracket = [...s.matchAll(BRACKET_TOKEN)].map((m) => Number(m[1]));
  const typed = [...s.matchAll(STRONG), ...s.matchAll(WEAK)].sort((a, b) => a.index - b.index).map((m) => Number(m[1]));
  return [...new Set([...bracket, ...typed])].filter((n) => n > 0).slice(0, MAX_CANDIDATES);
}
