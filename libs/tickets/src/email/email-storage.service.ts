import { Injectable } from '@nestjs/common';
import { FileService, MAX_FILE_BYTES } from '@switchboard/core';
import type { InboundMessage } from '@switchboard/plugin-sdk';

export interface StoredAttachments {
  ids: string[];
  /** Which of `ids` are inline parts (images shown in the message), with their Content-ID. */
  inline: Record<string, { contentId?: string }>;
}

/** Files of an inbound mail: its attachments (uploaded by the sender) and the original `.eml`. */
@Injectable()
export class EmailStorage {
  constructor(private readonly files: FileService) {}

  async attachments(
    m: InboundMessage,
    uploadedBy: { kind: 'contact' | 'account'; id: string },
    companyId: string,
  ): Promise<StoredAttachments> {
    const ids: string[] = [];
    const inline: Record<string, { contentId?: string }> = {};
    for (const a of m.attachments ?? []) {
      if (!a.contentBase64) continue;
      const data = Buffer.from(a.contentBase64, 'base64');
      if (!data.length) continue;
      const file = await this.files.store({
        data,
        name: a.filename || 'attachment',
        contentType: a.contentType,
        companyId,
        uploadedBy,
      });
      ids.push(file.id);
      if (a.inline) inline[file.id] = a.contentId ? { contentId: a.contentId } : {};
    }
    return { ids, inline };
  }

  /** The raw message as sent, kept with the comment (null when the channel gave none or it is too large). */
  async original(m: InboundMessage, companyId: string): Promise<string | null> {
    if (!m.rawBase64) return null;
    const data = Buffer.from(m.rawBase64, 'base64');
    if (!data.length || data.length > MAX_FILE_BYTES) return null;
    const file = await this.files.store({
      data,
      name: 'original.eml',
      contentType: m.rawContentType ?? 'message/rfc822',
      companyId,
      uploadedBy: { kind: 'system', id: null },
    });
    return file.id;
  }
}
