import type { MessageView } from '../chat.types.js';

export interface TranscriptHeader {
  title: string;
  lines: Array<[string, string]>;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const stamp = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

/** A conversation as a downloadable file: time, author name and text on each line. Pure. */
export function renderTranscript(header: TranscriptHeader, messages: MessageView[], format: 'html' | 'text'): string {
  if (format === 'text') {
    const head = [header.title, ...header.lines.map(([k, v]) => `${k}: ${v}`), ''].join('\n');
    return (
      head +
      '\n' +
      messages
        .map((m) => `[${stamp(m.createdAt)}] ${m.kind === 'system' ? '*' : m.author.name}: ${m.body}`)
        .join('\n') +
      '\n'
    );
  }
  const rows = messages
    .map(
      (m) =>
        `<tr class="${m.kind}"><td><time datetime="${m.createdAt}">${stamp(m.createdAt)}</time></td><th scope="row">${escapeHtml(m.kind === 'system' ? '' : m.author.name)}</th><td>${escapeHtml(m.body).replace(/\n/g, '<br>')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(header.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}td,th{padding:.35rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}tr.system td{color:#555;font-style:italic}time{white-space:nowrap;color:#555}</style>
</head><body><h1>${escapeHtml(header.title)}</h1>
<dl>${header.lines.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<table><thead><tr><th>Time</th><th>From</th><th>Message</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`;
}
