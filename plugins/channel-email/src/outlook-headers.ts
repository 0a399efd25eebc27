/**
 * Where unquoted history starts in Outlook-style replies: the "From: / Sent: / To: / Subject:"
 * block (in the languages Outlook, webmails and mobile clients write it), the "-----Original
 * Message-----" line, and the divider lines drawn above them — Outlook's underscores, the
 * 30-dash line, and the dashes an `<hr>` becomes when HTML is rendered as text (40 from
 * html-to-text without wrapping, 80 from mailparser). Forwards are recognised separately: a
 * forwarded message is content the sender passes on, not history of this conversation.
 */

/** Header field names by role; a block needs two roles, one of them the sender or the date. */
const FIELDS: Record<'from' | 'date' | 'to' | 'cc' | 'subject', string[]> = {
  from: [
    'from',
    'de',
    'von',
    'van',
    'da',
    'fra',
    'från',
    'lähettäjä',
    'od',
    'от',
    'від',
    'kimden',
    'feladó',
    'afzender',
    'mittente',
    'remitente',
    '発信者',
    '差出人',
    '发件人',
    '寄件者',
  ],
  date: [
    'sent',
    'date',
    'envoyé',
    'envoye',
    'gesendet',
    'datum',
    'verzonden',
    'verstuurd',
    'inviato',
    'enviado',
    'fecha',
    'data',
    'dato',
    'sendt',
    'skickat',
    'lähetetty',
    'päivämäärä',
    'wysłano',
    'wysłane',
    'отправлено',
    'дата',
    'надіслано',
    'tarih',
    'gönderildi',
    'odesláno',
    'elküldve',
    'dátum',
    'message du',
    '送信日時',
    '发送时间',
    '日期',
  ],
  to: [
    'to',
    'à',
    'a',
    'an',
    'aan',
    'para',
    'til',
    'till',
    'vastaanottaja',
    'do',
    'кому',
    'kime',
    'címzett',
    'per',
    'destinataire',
    'empfänger',
    '宛先',
    '收件人',
  ],
  cc: ['cc', 'bcc', 'copie à', 'copie', 'kopie', 'copia', 'kopi', 'kopia', 'копия', 'копія', 'másolat'],
  subject: [
    'subject',
    'objet',
    'sujet',
    'betreff',
    'onderwerp',
    'asunto',
    'oggetto',
    'assunto',
    'emne',
    'ämne',
    'aihe',
    'temat',
    'тема',
    'konu',
    'tárgy',
    'předmět',
    'věc',
    '件名',
    '主题',
    '主旨',
  ],
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FIELD_ROLE = new Map(Object.entries(FIELDS).flatMap(([role, names]) => names.map((n) => [n, role])));
// "From: x", "*From:* x", "**De :** x", "Von:" with an empty value.
const FIELD_LINE = new RegExp(
  `^[*_]{0,2}(${[...FIELD_ROLE.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})[*_]{0,2}\\s*[:：][*_]{0,2}(?:\\s|$)`,
  'iu',
);

/** The role of a header field line ("From: …" → from), or null. */
export function headerRole(line: string): string | null {
  const m = FIELD_LINE.exec(line.trim());
  return m ? (FIELD_ROLE.get(m[1].toLowerCase()) ?? null) : null;
}

/**
 * An Outlook-style header block starts at line `i`: within the next few lines (a wrapped value
 * may take a line), header fields of two roles, one of them the sender or the date.
 */
export function headerBlockAt(lines: string[], i: number): boolean {
  const role = headerRole(lines[i]);
  if (!role) return false;
  const roles = new Set([role]);
  let misses = 0;
  for (let j = i + 1; j < lines.length && j < i + 8; j++) {
    const line = lines[j].trim();
    if (!line) break;
    const r = headerRole(line);
    if (r) roles.add(r);
    else if (++misses > 1) break;
  }
  return roles.size >= 2 && (roles.has('from') || roles.has('date'));
}

/** "-----Original Message-----" and its translations (dashes, spaces, underscores around it). */
const ORIGINAL =
  /^[-_=*\s]*(original message|message d'origine|message original|ursprüngliche nachricht|originalnachricht|mensaje original|messaggio originale|messaggio originario|oorspronkelijk bericht|origineel bericht|oprindelig besked|oprindelig meddelelse|opprinnelig melding|ursprungligt meddelande|originalmeddelande|alkuperäinen viesti|wiadomość oryginalna|oryginalna wiadomość|исходное сообщение|оригинальное сообщение|оригінальне повідомлення|вихідне повідомлення|mensagem original|původní zpráva|eredeti üzenet|orijinal ileti|özgün ileti)[-_=*\s]*:?$/iu;

/** Forward dividers: the forwarded message is kept (see the rules in reply-extractor.ts). */
const FORWARD =
  /^[-_=*\s]*(forwarded message|begin forwarded message|message transféré|début du message (?:transféré|réexpédié)|weitergeleitete nachricht|anfang der weitergeleiteten nachricht|mensaje reenviado|messaggio inoltrato|inizio messaggio inoltrato|doorgestuurd bericht|videresendt (?:meddelelse|melding)|vidarebefordrat meddelande|välitetty viesti|przekazana wiadomość|wiadomość przekazana|пересланное сообщение|переслане повідомлення|mensagem encaminhada|přeposlaná zpráva|továbbított üzenet)[-_=*\s]*:?$/iu;

export const isOriginalMessageLine = (line: string) => ORIGINAL.test(line.trim());
export const isForwardLine = (line: string) => FORWARD.test(line.trim());

const blank = (line: string | undefined) => !line?.trim();

/**
 * A divider line above the quoted history: underscores (Outlook), or a long dash line standing
 * alone between blank lines — followed by a header block, or as long as an `<hr>` rendered as
 * text (40+). A dash line under a table header ("Service Date\n-----") is not one: no blank above.
 */
export function dividerAt(lines: string[], i: number): boolean {
  const line = lines[i].trim();
  if (/^_{2,}$/.test(line)) return true;
  if (!/^-{20,}$/.test(line) || (i > 0 && !blank(lines[i - 1]))) return false;
  for (let j = i + 1; j < lines.length && j <= i + 3; j++) {
    if (blank(lines[j])) continue;
    if (headerBlockAt(lines, j)) return true;
    break;
  }
  return line.length >= 40 && blank(lines[i + 1]);
}
