/**
 * The new text of a reply: quoted history and the client's reply header cut off, mobile
 * signatures dropped. Works on the plain-text part (mailparser derives one from HTML-only mail).
 * When nothing would remain (a bare forward, a reply written inside the quote) the whole text is
 * kept: losing what the user wrote is worse than showing some history.
 */

/** Lines that start the quoted history ("On … wrote:" and its translations, Outlook headers). */
const QUOTE_HEADERS: RegExp[] = [
  /^-{2,}\s*(original message|message d'origine|ursprüngliche nachricht|mensaje original|messaggio originale|forwarded message|message transféré)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/, // Outlook's separator line above "From: … Sent: …"
  /^on\s.+\swrote:\s*$/i, // Gmail / Apple Mail / Thunderbird (English)
  /^on\s.+\swrites:\s*$/i,
  /^le\s.+\sa\s+écrit\s*:\s*$/i, // French (Gmail, Apple Mail)
  /^am\s.+\sschrieb\s.*:\s*$/i, // German
  /^el\s.+\sescribió:\s*$/i, // Spanish
  /^il giorno\s.+\sha scritto:\s*$/i, // Italian
  /^op\s.+\sschreef\s.*:\s*$/i, // Dutch
  /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}.*<[^>]+@[^>]+>.*:\s*$/, // "2024-03-01 10:00 GMT+01:00 Jane <j@x>:"
];

/** An Outlook-style header block: "From:" followed within a few lines by "Sent:"/"Date:" (any of several languages). */
const OUTLOOK_FROM = /^\*?(from|de|von|van|da)\s*:\*?\s/i;
const OUTLOOK_FOLLOWERS =
  /^\*?(sent|date|envoyé|gesendet|datum|verzonden|inviato|to|à|an|aan|a|subject|objet|betreff|onderwerp)\s*:\*?\s?/i;

/** Signatures mobile clients append, and the conventional "-- " delimiter. */
const SIGNATURES: RegExp[] = [
  /^-- ?$/,
  /^sent from my (iphone|ipad|ipod|android|samsung|galaxy|blackberry|mobile|phone|huawei|pixel|smartphone)\b.*$/i,
  /^sent from (mail|outlook) for (windows|ios|android|mac).*$/i,
  /^sent from (yahoo mail|outlook|my mobile device|proton ?mail).*$/i,
  /^get outlook for (ios|android).*$/i,
  /^envoyé de mon (iphone|ipad|android|smartphone|mobile|appareil).*$/i,
  /^envoyé depuis (mon|l'application|outlook).*$/i,
  /^von meinem (iphone|ipad|android|smartphone|mobiltelefon).*gesendet.*$/i,
  /^enviado desde mi (iphone|ipad|android|móvil|celular).*$/i,
  /^inviato da(l mio)? (iphone|ipad|android).*$/i,
];

export interface ExtractedReply {
  text: string;
  /** Whether anything was cut (the full text differs). */
  stripped: boolean;
}

export function extractReply(input: string): ExtractedReply {
  const full = input.replace(/\r\n?/g, '\n');
  const lines = full.split('\n');
  let end = lines.length;

  for (let i = 0; i < lines.length && end === lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    // "On Mon, Jan 1, 2024 at 10:00 AM Jane Doe <\njane@x.com> wrote:" — Gmail wraps long headers.
    const joined = [line, lines[i + 1]?.trim() ?? '', lines[i + 2]?.trim() ?? ''];
    for (let span = 1; span <= 3; span++) {
      const candidate = joined.slice(0, span).join(' ').trim();
      if (span > 1 && !/^(on|le|am|el|il giorno|op)\s/i.test(line)) break;
      if (QUOTE_HEADERS.some((re) => re.test(candidate))) {
        end = i;
        break;
      }
    }
    if (end !== lines.length) break;
    if (OUTLOOK_FROM.test(line)) {
      const next = lines
        .slice(i + 1, i + 5)
        .map((l) => l.trim())
        .filter(Boolean);
      if (next.length && next.filter((l) => OUTLOOK_FOLLOWERS.test(l)).length >= Math.min(2, next.length)) end = i;
    }
  }

  let kept = lines.slice(0, end);
  // Quoted lines (">") anywhere in what is left: trailing quote blocks are history; an inline quote
  // between the user's paragraphs is context the user chose to keep, but only the user's lines are new.
  kept = kept.filter((l) => !/^\s*>/.test(l));

  for (let i = 0; i < kept.length; i++) {
    const line = kept[i].trim();
    if (SIGNATURES.some((re) => re.test(line))) {
      kept = kept.slice(0, i);
      break;
    }
  }

  const text = kept
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!text) return { text: full.trim(), stripped: false };
  return { text, stripped: text !== full.trim() };
}
