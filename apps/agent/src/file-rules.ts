/** The server's rules for chat files, checked here first so nothing is uploaded for a refusal. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The extensions the server accepts (it also checks each file's content against its name). */
export const ALLOWED_EXTENSIONS = ['pdf', 'mp3', 'mp4', 'doc', 'docx', 'xls', 'xlsx', 'msi'] as const;

export function fileProblem(name: string, size: number): 'type' | 'size' | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!(ALLOWED_EXTENSIONS as readonly string[]).includes(ext)) return 'type';
  if (size > MAX_FILE_BYTES) return 'size';
  return null;
}
