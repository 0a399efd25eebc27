import { Injectable } from '@nestjs/common';
import { FileService, MAX_FILE_BYTES, type StoreFileInput, type WrittenFile } from '@switchboard/core';
import type { InboundMessage } from '@switchboard/plugin-sdk';

export interface StoredAttachments {
  ids: string[];
  /** Which of `ids` are inline parts (images shown in the message), with their Content-ID. */
  inline: Record<string, { contentId?: string }>;
}

export interface WrittenAttachments {
  files: WrittenFile[];
  /** Which of `files` are inline parts, by file id, with their Content-ID. */
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
    const { files, inline } = await this.each(m, uploadedBy, companyId, (input) => this.files.store(input));
    return { ids: files.map((f) => f.id), inline };
  }

  /**
   * Same, content only: the comment inserts the rows already attached, in its transaction (no
   * unattached row, no claim check and no attach UPDATE for files this request just wrote).
   */
  written(
    m: InboundMessage,
    uploadedBy: { kind: 'contact' | 'account'; id: string },
    companyId: string,
  ): Promise<WrittenAttachments> {
    return this.each(m, uploadedBy, companyId, (input) => this.files.write(input));
  }

  /** The raw message as sent, kept with the comment (null when the channel gave none or it is too large). */
  async original(m: InboundMessage, companyId: string): Promise<string | null> {
    const input = this.originalInput(m, companyId);
    return input ? (await this.files.store(input)).id : null;
  }

  /** Same, content only (see `written`). */
  async writtenOriginal(m: InboundMessage, companyId: string): Promise<WrittenFile | null> {
    const input = this.originalInput(m, companyId);
    return input ? this.files.write(input) : null;
  }

  private async each<F extends { id: string }>(
    m: InboundMessage,
    uploadedBy: { kind: 'contact' | 'account'; id: string },
    companyId: string,
    keep: (input: StoreFileInput) => Promise<F>,
  ): Promise<{ files: F[]; inline: Record<string, { contentId?: string }> }> {
    const files: F[] = [];
    const inline: Record<string, { contentId?: string }> = {};
    for (const a of m.attachments ?? []) {
      if (!a.contentBase64) continue;
      const data = Buffer.from(a.contentBase64, 'base64');
      if (!data.length) continue;
      const file = await keep({
        data,
        name: a.filename || 'attachment',
        contentType: a.contentType,
        companyId,
        uploadedBy,
      });
      files.push(file);
      if (a.inline) inline[file.id] = a.contentId ? { contentId: a.contentId } : {};
    }
    return { files, inline };
  }

  private originalInput(m: InboundMessage, companyId: string): StoreFileInput | null {
    if (!m.rawBase64) return null;
    const data = Buffer.from(m.rawBase64, 'base64');
    if (!data.length || data.length > MAX_FILE_BYTES) return null;
    return {
      data,
      name: 'original.eml',
      contentType: m.rawContentType ?? 'message/rfc822',
      companyId,
      uploadedBy: { kind: 'system', id: null },
    };
  }
}
