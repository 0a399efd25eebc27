// format=flowed (RFC 3676), decoded by quote depth. mailparser's decoder (libmime.decodeFlowed)
// joins a soft-broken line with the next whatever its quote depth, so a Thunderbird reply under a
// quoted "> Hi " line merges into the quote and is lost; RFC 3676 §4.2 joins same-depth lines only.

/** The Content-Type parameter of flowed text/plain parts (unfolded header lines included). */
const FLOWED_TEXT_PART =
  /(Content-Type:[ \t]*text\/plain(?:;[^\r\n;]*|\r?\n(?=[ \t])[^\r\n;]*)*?[; \t]format[ \t]*=[ \t]*)("?)flowed\2/gi;
const DELSP_YES =
  /Content-Type:[ \t]*text\/plain(?:;[^\r\n;]*|\r?\n(?=[ \t])[^\r\n;]*)*?[; \t]delsp[ \t]*=[ \t]*"?yes/i;

export interface UnflowedSource {
  /** The message with its flowed text parts marked fixed, so the MIME parser leaves lines alone. */
  raw: Buffer;
  flowed: boolean;
  delSp: boolean;
}

/** Marks flowed text/plain parts as fixed for parsing; the text is then decoded by `decodeFlowed`. */
export function unflowSource(raw: Buffer): UnflowedSource {
  // Cheap exit: most mail is not flowed, and the regex would scan the whole message.
  if (raw.indexOf('flowed') < 0 && raw.indexOf('FLOWED') < 0 && raw.indexOf('Flowed') < 0)
    return { raw, flowed: false, delSp: false };
  const source = raw.toString('latin1'); // byte-preserving both ways
  let flowed = false;
  const rewritten = source.replace(FLOWED_TEXT_PART, (_m, head: string, quote: string) => {
    flowed = true;
    return `${head}${quote}fixed${quote}`;
  });
  return flowed
    ? { raw: Buffer.from(rewritten, 'latin1'), flowed, delSp: DELSP_YES.test(source) }
    : { raw, flowed: false, delSp: false };
}

/**
 * Decodes flowed text: per line, the quote depth (leading ">"), space-stuffing removed, and a
 * line ending in a space (not the "-- " signature separator) joined with the next line of the
 * same depth. Quoted lines come out as "> …" per level.
 */
export function decodeFlowed(text: string, delSp = false): string {
  const out: string[] = [];
  let open: { depth: number; text: string } | null = null;
  const flush = () => {
    if (open) out.push(open.depth ? `${'>'.repeat(open.depth)} ${open.text}`.trimEnd() : open.text);
    open = null;
  };
  for (const line of text.split(/\r?\n/)) {
    const depth = /^>*/.exec(line)![0].length;
    let content = line.slice(depth);
    if (content.startsWith(' ')) content = content.slice(1); // space-stuffing (or "> " after quotes)
    const soft = content.endsWith(' ') && content !== '-- ';
    const piece = soft && delSp ? content.slice(0, -1) : content;
    if (open && open.depth === depth) open.text += piece;
    else {
      flush();
      open = { depth, text: piece };
    }
    if (!soft) flush();
  }
  flush();
  return out.join('\n');
}
