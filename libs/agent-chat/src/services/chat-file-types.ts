import { fromBuffer } from 'file-type';
import { DomainError } from '@switchboard/core';

/** What a chat file may be, by the name's extension, and what its content must look like. */
const ALLOWED: Record<string, { label: string; detected: string[]; contentType: string }> = {
  pdf: { label: 'PDF', detected: ['pdf'], contentType: 'application/pdf' },
  mp3: { label: 'MP3', detected: ['mp3'], contentType: 'audio/mpeg' },
  mp4: { label: 'MP4', detected: ['mp4', 'm4v', 'm4a'], contentType: 'video/mp4' },
  // OLE compound files (Word 97-2003, Excel 97-2003, Windows Installer) all start with the same
  // CFB signature: the content proves the family, the extension picks the member.
  doc: { label: 'Word', detected: ['cfb'], contentType: 'application/msword' },
  xls: { label: 'Excel', detected: ['cfb'], contentType: 'application/vnd.ms-excel' },
  msi: { label: 'MSI', detected: ['cfb', 'msi'], contentType: 'application/x-msi' },
  docx: {
    label: 'Word',
    detected: ['docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: {
    label: 'Excel',
    detected: ['xlsx'],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
};

export const ALLOWED_CHAT_FILES = 'PDF, MP3, MP4, Word (.doc, .docx), Excel (.xls, .xlsx) and MSI';

/**
 * The file's type from its content (magic bytes via `file-type`), not only its name: the
 * extension must be an allowed one and the content must be of that kind. A renamed program
 * ("invoice.pdf" that is an .exe) is refused with a message saying what was found.
 */
export async function checkChatFileType(name: string, data: Buffer): Promise<{ contentType: string }> {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const rule = ALLOWED[ext];
  if (!rule)
    throw new DomainError(
      'UNSUPPORTED_FILE_TYPE',
      `"${name}" cannot be sent: only ${ALLOWED_CHAT_FILES} files are allowed`,
      415,
    );
  const detected = await fromBuffer(data);
  if (!detected || !rule.detected.includes(detected.ext)) {
    const found = detected
      ? `its content is ${detected.ext.toUpperCase()} (${detected.mime})`
      : 'its content is not recognised';
    throw new DomainError(
      'UNSUPPORTED_FILE_TYPE',
      `"${name}" cannot be sent: it is named like a ${rule.label} file but ${found}`,
      415,
    );
  }
  return { contentType: rule.contentType };
}
