import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { FileService, type FileView } from '@switchboard/core';
import { EndUserTicketsService } from '@switchboard/tickets';
import type { PortalContact } from '../sign-in/portal-contact.decorator.js';

/** A contact's uploads (attached to their next reply) and the downloads of their tickets' public files. */
@Injectable()
export class PortalFilesService {
  constructor(
    private readonly files: FileService,
    private readonly tickets: EndUserTicketsService,
  ) {}

  upload(who: PortalContact, part: { originalname: string; mimetype: string; buffer: Buffer }): Promise<FileView> {
    return this.files.store({
      data: part.buffer,
      name: part.originalname,
      contentType: part.mimetype,
      companyId: who.companyId,
      uploadedBy: { kind: 'contact', id: who.contactId },
    });
  }

  /** 404 unless the file hangs on a public comment of one of the contact's tickets (never a note's). */
  async download(who: PortalContact, number: number, fileId: string): Promise<{ file: FileView; data: Readable }> {
    await this.tickets.attachment(number, fileId, who);
    return this.files.openStream(fileId);
  }
}
