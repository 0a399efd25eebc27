import { ValidationFailedError } from '@switchboard/core';
import { AttachmentMeta, MAX_ATTACHMENT_BYTES, MAX_COMMENT_CHARS } from '../ticket.types.js';

/**
 * Cuts a body longer than 64K characters (code points, so no half surrogate pair) to exactly
 * MAX_COMMENT_CHARS including the trailing ellipsis.
 */
export function truncateBody(body: string): { body: string; truncated: boolean } {
  if (body.length <= MAX_COMMENT_CHARS) return { body, truncated: false };
  const chars = Array.from(body);
  if (chars.length <= MAX_COMMENT_CHARS) return { body, truncated: false };
  return { body: `${chars.slice(0, MAX_COMMENT_CHARS - 1).join('')}…`, truncated: true };
}

/** 20 MB per message, all attachments together. */
export function checkAttachments(attachments: AttachmentMeta[]): void {
  const total = attachments.reduce((sum, a) => sum + a.size, 0);
  if (total > MAX_ATTACHMENT_BYTES) {
    const mb = (total / 1024 / 1024).toFixed(1);
    throw new ValidationFailedError(`Attachments total ${mb} MB; the limit is 20 MB per message`, {
      attachments: [`attachments must total at most 20 MB per message (got ${mb} MB)`],
    });
  }
}
