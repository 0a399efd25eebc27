// Keyword context around a numeric candidate. Many identifiers (orders, invoices, IMEI, SIRET...)
// are digit-for-digit indistinguishable from PII, so the nearest meaningful word decides.
import { KeywordIndex } from './keyword.matcher.js';

export const enum Ctx {
  Neutral = 0,
  Negative = 1,
  Weak = 2, // "number", "numéro", "n°": says "an identifier follows", nothing about which
  Positive = 3,
}

// Keyword lists in regex-alternation syntax, matched by KeywordIndex with the semantics of
// keywordRegExp(list): case-insensitive, bounded by Latin letters/digits on the left and letters on
// the right ("v2.3.1" still finds "v").
export const NEGATIVE_WORDS: readonly string[] = [
  'orders?',
  'ordered',
  'invoices?',
  'inv',
  'receipts?',
  'refs?',
  'references?',
  'r[ée]f[ée]rences?',
  'r[ée]f',
  'tickets?',
  'cases?',
  'incidents?',
  'issues?',
  'bugs?',
  'tracking',
  'track',
  'parcels?',
  'packages?',
  'shipments?',
  'consignment',
  'waybill',
  'awb',
  'colis',
  'suivi',
  'commandes?',
  'cde',
  'cmd',
  'factures?',
  're[çc]u',
  'avoir',
  'imei',
  'serial',
  's/n',
  'sn',
  'siret',
  'siren',
  'tva',
  'vat',
  'versions?',
  'ver',
  'v',
  'builds?',
  'release',
  'firmware',
  'ip',
  'ipv4',
  'ids?',
  'identifiant',
  'client',
  'customer',
  'account',
  'compte',
  'polic(?:y|ies)',
  'contra[ct]t?',
  'dossier',
  'transactions?',
  'txn',
  'confirmation',
  'booking',
  'r[ée]servation',
  'pnr',
  'codes?',
  'pin',
  'otp',
  'zip',
  'postcode',
  'price',
  'prix',
  'total',
  'amount',
  'montant',
  'sku',
  'ups',
  'fedex',
  'dhl',
  'usps',
  'la poste',
  'colissimo',
  'chronopost',
  'barcode',
  'ean',
  'isbn',
  'upc',
  'lot',
  'batch',
  'items?',
  'articles?',
  'products?',
  'produits?',
  'model',
  'mod[èe]le',
  'part',
  'rma',
  'licen[cs]e',
  'key',
  'cl[ée]',
  'membership',
  'member',
  'adh[ée]rent',
  'commit',
  'page',
  'qty',
  'quantit[ée]',
  'serie',
  's[ée]rie',
  'devis',
  'quote',
  'claim',
  'sinistre',
  'voucher',
  'coupon',
  'promo',
  'gift',
  'iban',
  'rib',
  'bic',
  'swift',
];

export const PHONE_POSITIVE_WORDS: readonly string[] = [
  'phones?',
  't[ée]l[ée]phones?',
  'telephone',
  't[ée]l',
  'tel',
  'mobiles?',
  'mob',
  'cell',
  'cellphone',
  'portables?',
  'fixe',
  'landline',
  'fax',
  'whatsapp',
  'sms',
  'text',
  'texto',
  'call',
  'calls',
  'calling',
  'called',
  'ring',
  'reach',
  'reached',
  'contact',
  'dial',
  'joindre',
  'joignable',
  'appel',
  'appeler',
  'appelez',
  'appelle',
  'appel[ée]',
  'rappel',
  'rappeler',
  'rappelez',
  'rappelle',
  'hotline',
  'standard',
  'ligne',
  'line',
  'gsm',
  'numbers?(?= (?:is|est))',
  'cellulaire',
  'helpline',
  'switchboard',
];

export const SSN_POSITIVE_WORDS: readonly string[] = [
  'ssns?',
  'social security',
  'social sec',
  'soc\\.? ?sec\\.?',
  's[ée]curit[ée] sociale',
  's[ée]cu',
  'ss#',
  'ss no',
  'social',
  'ssa',
];

export const CARD_POSITIVE_WORDS: readonly string[] = [
  'cards?',
  'cartes?',
  'cc',
  'cb',
  'visa',
  'mastercard',
  'master card',
  'amex',
  'american express',
  'discover',
  'diners',
  'jcb',
  'unionpay',
  'maestro',
  'credit',
  'debit',
  'cr[ée]dit',
  'd[ée]bit',
  'payments?',
  'pay',
  'paid',
  'paying',
  'paiement',
  'payer',
  'pay[ée]',
  'pan',
  'exp',
  'expiry',
  'cvv',
];

export const WEAK_WORDS: readonly string[] = ['numbers?', 'num[ée]ros?', 'num', 'no\\.?', 'n°', 'nº', 'nr', 'nummer'];

/** Which keyword list: index into KEYWORDS.lists, and the `positive` argument of classifyContext. */
export const enum Kw {
  Negative = 0,
  Phone = 1,
  Ssn = 2,
  Card = 3,
  Weak = 4,
}
export const KEYWORDS = new KeywordIndex([
  NEGATIVE_WORDS,
  PHONE_POSITIVE_WORDS,
  SSN_POSITIVE_WORDS,
  CARD_POSITIVE_WORDS,
  WEAK_WORDS,
]);

const BEFORE = 40;
const AFTER = 24;

// Keyword scan of the window before a candidate (a function of (text, start)) and of the window
// after it (of (text, end)), each memoised for one position: the card, SSN and phone checks of a
// run, and phone pieces sharing a first or last group, ask about the same positions in a row.
let beforeText = '';
let beforeStart = -1;
const beforeEnd = new Int32Array(5); // last match end per list, or -1
let beforeNeg = -1; // beforeEnd[Negative], unless spent (see classifyContext)
let afterText = '';
let afterEnd = -1;
const afterStart = new Int32Array(5); // first match start per list, or -1
let afterHi = 0; // end of the after window

/** Drops the memos' references to the last text (called at the end of detect). */
export function forgetContext(): void {
  beforeText = '';
  beforeStart = -1;
  afterText = '';
  afterEnd = -1;
}

const isSpace = (c: number): boolean => c === 32 || c === 160 || c === 0x202f || c === 9;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Two digits in a row in text[from, to): a number of its own. A lone digit inside a code ("La Poste 6C 123...") is not. */
function hasTwoDigits(text: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (isDigit(text.charCodeAt(i)) && isDigit(text.charCodeAt(i - 1))) return true;
  return false;
}

/**
 * Classifies the context of `text[start, end)`: the strong keyword (negative or type-positive)
 * closest before the candidate wins; when nothing is before, the few words after are consulted.
 * Windows: up to 40 characters before (from the line start at most), 24 after (to the line end).
 */
export function classifyContext(text: string, start: number, end: number, positive: Kw): Ctx {
  // Symbols glued to the number: "#12345", "$ 1200", "1 200 €" are ids or prices, never PII.
  let p = start - 1;
  if (p >= 0 && isSpace(text.charCodeAt(p))) p--;
  const prev = p >= 0 ? text.charCodeAt(p) : 0;
  const hash = prev === 35; /* # */
  if (prev === 36 || prev === 0x20ac || prev === 0xa3 || prev === 0xa5) return Ctx.Negative;
  let q = end;
  if (q < text.length && isSpace(text.charCodeAt(q))) q++;
  const next = q < text.length ? text.charCodeAt(q) : 0;
  if (next === 0x20ac || next === 36 || next === 0xa3 || next === 37 /* % */) return Ctx.Negative;

  if (start !== beforeStart || text !== beforeText) {
    let lo = start - BEFORE;
    if (lo < 0) lo = 0;
    // The window stops at a line break (bounded loop: lastIndexOf could walk back through the whole text).
    for (let i = start - 1; i >= lo; i--) {
      if (text.charCodeAt(i) === 10) {
        lo = i + 1;
        break;
      }
    }
    KEYWORDS.scanLast(text, lo, start, beforeEnd);
    beforeNeg = beforeEnd[Kw.Negative];
    // "IMEI 3520... and my number +44..." - a keyword already followed by another number is spent.
    if (beforeNeg >= 0 && hasTwoDigits(text, beforeNeg, start)) beforeNeg = -1;
    beforeText = text;
    beforeStart = start;
  }
  const neg = beforeNeg;
  const pos = beforeEnd[positive];
  if (neg >= 0 || pos >= 0) return neg > pos ? Ctx.Negative : Ctx.Positive;
  if (hash) return Ctx.Negative;

  if (end !== afterEnd || text !== afterText) {
    let hi = end + AFTER;
    if (hi > text.length) hi = text.length;
    for (let i = end; i < hi; i++) {
      if (text.charCodeAt(i) === 10) {
        hi = i;
        break;
      }
    }
    KEYWORDS.scanFirst(text, end, hi, afterStart);
    afterText = text;
    afterEnd = end;
    afterHi = hi;
  }
  const hi = afterHi;
  let negA = afterStart[Kw.Negative];
  // "4111 1111 1111 1111, IBAN GB82 …": a keyword followed by a number of its own names that number (#13.4).
  if (negA >= 0 && hasTwoDigits(text, negA, hi)) negA = -1;
  const posA = afterStart[positive];
  if (negA >= 0 || posA >= 0) {
    if (posA >= 0 && (negA < 0 || posA < negA)) return Ctx.Positive;
    return Ctx.Negative;
  }
  // Only now: the weak words matter only when no strong one was found on either side.
  return beforeEnd[Kw.Weak] >= 0 ? Ctx.Weak : Ctx.Neutral;
}
