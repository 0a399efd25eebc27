// Keyword context around a numeric candidate. Many identifiers (orders, invoices, IMEI, SIRET...)
// are digit-for-digit indistinguishable from PII, so the nearest meaningful word decides.

export const enum Ctx {
  Neutral = 0,
  Negative = 1,
  Weak = 2, // "number", "numéro", "n°": says "an identifier follows", nothing about which
  Positive = 3,
}

// Word boundary that also understands accented letters (plain \b does not).
// Latin ranges instead of \p{L}: non-unicode regexes run noticeably faster and chat text here is EN/FR.
const L = '(?<![A-Za-z0-9\\u00C0-\\u024F])';
const R = '(?![A-Za-z\\u00C0-\\u024F])';
const words = (list: string[]): RegExp => new RegExp(`${L}(?:${list.join('|')})${R}`, 'gi');

export const NEGATIVE_RE = words([
  'orders?', 'ordered', 'invoices?', 'inv', 'receipts?', 'refs?', 'references?', 'r[ée]f[ée]rences?', 'r[ée]f',
  'tickets?', 'cases?', 'incidents?', 'issues?', 'bugs?', 'tracking', 'track', 'parcels?', 'packages?',
  'shipments?', 'consignment', 'waybill', 'awb', 'colis', 'suivi', 'commandes?', 'cde', 'cmd', 'factures?',
  're[çc]u', 'avoir', 'imei', 'serial', 's/n', 'sn', 'siret', 'siren', 'tva', 'vat', 'versions?', 'ver',
  'v', 'builds?', 'release', 'firmware', 'ip', 'ipv4', 'ids?', 'identifiant', 'client', 'customer',
  'account', 'compte', 'polic(?:y|ies)', 'contra[ct]t?', 'dossier', 'transactions?', 'txn', 'confirmation',
  'booking', 'r[ée]servation', 'pnr', 'codes?', 'pin', 'otp', 'zip', 'postcode', 'price', 'prix', 'total',
  'amount', 'montant', 'sku', 'ups', 'fedex', 'dhl', 'usps', 'la poste', 'colissimo', 'chronopost',
  'barcode', 'ean', 'isbn', 'upc', 'lot', 'batch', 'items?', 'articles?', 'products?', 'produits?', 'model',
  'mod[èe]le', 'part', 'rma', 'licen[cs]e', 'key', 'cl[ée]', 'membership', 'member', 'adh[ée]rent', 'commit',
  'page', 'qty', 'quantit[ée]', 'serie', 's[ée]rie', 'devis', 'quote', 'claim', 'sinistre', 'voucher',
  'coupon', 'promo', 'gift', 'iban', 'rib', 'bic', 'swift',
]);

export const PHONE_POSITIVE_RE = words([
  'phones?', 't[ée]l[ée]phones?', 'telephone', 't[ée]l', 'tel', 'mobiles?', 'mob', 'cell', 'cellphone',
  'portables?', 'fixe', 'landline', 'fax', 'whatsapp', 'sms', 'text', 'texto', 'call', 'calls', 'calling',
  'called', 'ring', 'reach', 'reached', 'contact', 'dial', 'joindre', 'joignable', 'appel', 'appeler',
  'appelez', 'appelle', 'appel[ée]', 'rappel', 'rappeler', 'rappelez', 'rappelle', 'hotline', 'standard',
  'ligne', 'line', 'gsm', 'numbers?(?= (?:is|est))', 'cellulaire', 'helpline', 'switchboard',
]);

export const SSN_POSITIVE_RE = words([
  'ssns?', 'social security', 'social sec', 'soc\\.? ?sec\\.?', 's[ée]curit[ée] sociale', 's[ée]cu',
  'ss#', 'ss no', 'social', 'ssa',
]);

export const CARD_POSITIVE_RE = words([
  'cards?', 'cartes?', 'cc', 'cb', 'visa', 'mastercard', 'master card', 'amex', 'american express',
  'discover', 'diners', 'jcb', 'unionpay', 'maestro', 'credit', 'debit', 'cr[ée]dit', 'd[ée]bit',
  'payments?', 'pay', 'paid', 'paying', 'paiement', 'payer', 'pay[ée]', 'pan', 'exp', 'expiry', 'cvv',
]);

const WEAK_RE = words(['numbers?', 'num[ée]ros?', 'num', 'no\\.?', 'n°', 'nº', 'nr', 'nummer']);

// Two digits in a row: a number of its own. A lone digit inside a code ("La Poste 6C 123...") is not.
const DIGITS_RE = /\d\d/;
const BEFORE = 40;
const AFTER = 24;

/** End offset (in `s`) of the last match of `re`, or -1. test() moves lastIndex like exec() without allocating a match. */
function lastMatchEnd(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let end = -1;
  while (re.test(s)) {
    const e = re.lastIndex;
    if (e === end) re.lastIndex++; // empty match at the same place (not possible with these word lists)
    end = e;
  }
  return end;
}

/** search() ignores lastIndex and the global flag and allocates no match. */
const firstMatchStart = (re: RegExp, s: string): number => s.search(re);

// One-entry memo of classifyContext's "before" window (see there); a pure function of (text, start).
let memoText = '';
let memoStart = -1;
let memoBefore = '';
let memoNeg = -1;

/** Drops the memo's reference to the last text (called at the end of detect). */
export function forgetContext(): void {
  memoText = '';
  memoStart = -1;
  memoBefore = '';
}

const isSpace = (c: number): boolean => c === 32 || c === 160 || c === 0x202f || c === 9;

/**
 * Classifies the context of `text[start, end)`: the strong keyword (negative or type-positive)
 * closest before the candidate wins; when nothing is before, the few words after are consulted.
 * With `negativeOnly`, the result is exact only as to being Ctx.Negative or not (cheaper: some
 * keyword scans are skipped when they cannot change that).
 */
export function classifyContext(text: string, start: number, end: number, positive: RegExp, negativeOnly = false): Ctx {
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

  // The window before and its negative keyword depend only on (text, start): card, SSN and phone
  // checks of one run, and the phone pieces sharing a first group, ask for the same start in a row.
  let before: string;
  let neg: number;
  if (start === memoStart && text === memoText) {
    before = memoBefore;
    neg = memoNeg;
  } else {
    let from = start - BEFORE;
    if (from < 0) from = 0;
    before = text.slice(from, start);
    const nl = before.lastIndexOf('\n');
    if (nl >= 0) before = before.slice(nl + 1);
    neg = lastMatchEnd(NEGATIVE_RE, before);
    // "IMEI 3520... and my number +44..." - a keyword already followed by another number is spent.
    if (neg >= 0 && DIGITS_RE.test(before.slice(neg))) neg = -1;
    memoText = text;
    memoStart = start;
    memoBefore = before;
    memoNeg = neg;
  }
  const pos = lastMatchEnd(positive, before);
  if (neg >= 0 || pos >= 0) return neg > pos ? Ctx.Negative : Ctx.Positive;
  if (hash) return Ctx.Negative;

  let after = text.slice(end, end + AFTER);
  const nl2 = after.indexOf('\n');
  if (nl2 >= 0) after = after.slice(0, nl2);
  const negA = firstMatchStart(NEGATIVE_RE, after);
  if (negA < 0 && negativeOnly) return Ctx.Neutral;
  const posA = firstMatchStart(positive, after);
  if (negA >= 0 || posA >= 0) {
    if (posA >= 0 && (negA < 0 || posA < negA)) return Ctx.Positive;
    return Ctx.Negative;
  }
  // Only now: the weak words matter only when no strong one was found on either side.
  return lastMatchEnd(WEAK_RE, before) >= 0 ? Ctx.Weak : Ctx.Neutral;
}
