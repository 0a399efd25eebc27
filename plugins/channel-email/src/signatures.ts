/**
 * Signatures cut from the end of a reply: what mobile and desktop apps append ("Sent from my
 * iPhone", "Gesendet von Outlook für Android", "Envoyé à partir de Outlook pour iOS", …), the
 * "-- " delimiter and its "__" cousin, and the "-Name" one-line sign-off. Mobile signatures are
 * matched by family — the app's phrase in a language, then a short product name — not one by one:
 * "Sent from my desk, which is easier than my phone." is a sentence, not a signature.
 */

/** "Sent from …" and its translations: the phrase the app writes before its name. */
const APP_PHRASES = [
  'sent (?:from|with|via|using|by)',
  'get outlook for',
  'envoyé (?:de|depuis|à partir de|avec|via)',
  'obtenir outlook pour',
  'gesendet (?:von|mit|über|vom)',
  'outlook für',
  'enviado (?:desde|de|do|con|com|a partir de|a partir do|via)',
  'obtener outlook para',
  'inviato (?:da|dal|dalla|con|tramite)',
  'verzonden (?:met|vanaf|vanuit|via|van)',
  'verstuurd (?:met|vanaf|vanuit|via)',
  'skickat (?:från|med|via)',
  'sendt (?:fra|med|via)',
  'lähetetty (?:laitteesta|sovelluksesta|puhelimesta)',
  'wysłane (?:z|ze|przez)',
  'wysłano (?:z|ze|przez)',
  'отправлено (?:с|из|через)',
  'надіслано (?:з|із|через)',
  'odesláno (?:z|ze)',
  'elküldve (?:az|a)',
];
const APP_LINE = new RegExp(`^(?:${APP_PHRASES.join('|')})\\s+(.+)$`, 'iu');
/** Phrase after the device: "Von meinem iPhone gesendet", "Lähetetty iPhonesta", "iPhoneから送信". */
const DEVICE_FIRST =
  /^(?:von meinem .{1,40} gesendet|lähetetty \S+sta|\S{1,30}(?:から送信|에서 보냄)|发自我的\S{1,30}|\S{1,30}'?(?:umdan|imden|undan) gönderildi)\.?$/iu;

/** "my …" in the languages above: the device is the sender's own. */
const POSSESSIVE =
  /^(?:my|mon|ma|mes|mein|meinem|meiner|mi|mis|mio|il mio|la mia|min|mitt|mijn|mój|mojego|mojej|мой|моего|моей|мого|мого|můj|mého|meu|o meu|minha|a minha)\s/iu;

/**
 * The app's name after its phrase: a few words (a link aside), no sentence punctuation, and the
 * sender's own device ("my …") or a name (a capital or a digit: iOS, TypeApp, 4G): "Sent from a magnificent torch
 * of pixels" is a joke signature, "Sent from the office" a sentence.
 */
function isProductName(tail: string): boolean {
  const name = tail
    .replace(/<[^>]*>|\([^)]*\)|\[[^\]]*\]|https?:\/\/\S+/g, ' ')
    .replace(/\.\s*$/, '')
    .trim();
  if (!name || name.split(/\s+/).length > 7 || /[,;:!?]|\.\s/.test(name)) return false;
  return POSSESSIVE.test(name) || /[\p{Lu}\d]/u.test(name);
}

export function isAppSignature(line: string): boolean {
  const s = line.trim();
  if (DEVICE_FIRST.test(s)) return true;
  const m = APP_LINE.exec(s);
  return !!m && isProductName(m[1]);
}

/** "-- " (RFC 3676), "--", "__" alone on a line. */
export const isSignatureDelimiter = (line: string) => /^(?:--|__)\s*$/.test(line.trim());

/**
 * "-Jane" / "-Jane Doe" alone after a blank line, at a paragraph's end: a one-line signature
 * (bullets have a space after the dash: "- Buy toner").
 */
export function isDashNameSignature(lines: string[], i: number): boolean {
  const s = lines[i].trim();
  if (!/^-\p{Lu}[\p{L}'.]*(?:\s\p{Lu}[\p{L}'.]*){0,2}$/u.test(s)) return false;
  return (i === 0 || !lines[i - 1].trim()) && !lines[i + 1]?.trim();
}

/** The index where the signature starts in these (reply) lines, or -1. */
export function signatureStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (isSignatureDelimiter(lines[i]) || isAppSignature(lines[i]) || isDashNameSignature(lines, i)) return i;
  }
  return -1;
}
