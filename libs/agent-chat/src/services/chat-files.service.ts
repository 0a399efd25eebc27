import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  FileService,
  ForbiddenError,
  MAX_FILE_BYTES,
  NotFoundError,
  ValidationFailedError,
  type FileView,
} from '@switchboard/core';
import { ConversationService, type ConversationActor, type MessageView } from '@switchboard/chat';
import { checkChatFileType } from './chat-file-types.js';

export interface ChatUpload {
  name: string;
  data: Buffer;
}

/**
 * Files in agent chats: at most 20 MB, type checked from the content, stored through the core
 * storage port and attached to the conversation (the ticket's comment then lists it). Served
 * only through the chat's routes, which check who is asking.
 */
@Injectable()
export class ChatFilesService {
  constructor(
    private readonly files: FileService,
    private readonly conversations: ConversationService,
  ) {}

  async send(
    chat: { id: string; companyId: string; status: string },
    author: ConversationActor,
    upload: ChatUpload | undefined,
    clientId?: string,
  ): Promise<{ message: MessageView; file: FileView }> {
    if (!upload)
      throw new ValidationFailedError('No file: send multipart/form-data with a "file" field', {
        file: ['is required'],
      });
    if (chat.status !== 'active')
      throw new DomainError('CONFLICT', 'Files can be sent only while the chat is going on', 409);
    if (upload.data.length > MAX_FILE_BYTES)
      throw new DomainError('PAYLOAD_TOO_LARGE', `"${upload.name}" is too large: files may be at most 20 MB`, 413);
    const { contentType } = await checkChatFileType(upload.name, upload.data);
    const uploader =
      author.kind === 'technician'
        ? { kind: 'account' as const, id: author.id }
        : { kind: 'contact' as const, id: author.kind === 'contact' ? author.id : null };
    const file = await this.files.store({
      data: upload.data,
      name: upload.name,
      contentType,
      companyId: chat.companyId,
      uploadedBy: uploader,
    });
    await this.files.attach([file.id], { kind: 'conversation', id: chat.id, companyId: chat.companyId });
    const { message } = await this.conversations.postFile({
      conversationId: chat.id,
      author,
      clientId: clientId ?? null,
      file: { fileId: file.id, name: file.name, size: file.size, contentType: file.contentType },
    });
    return { message, file };
  }

  /** A file of this chat (and only of this chat), streamed from the storage. */
  async open(conversationId: string, fileId: string): Promise<{ file: FileView; data: Readable }> {
    if (!(await this.conversations.hasFile(conversationId, fileId))) throw new NotFoundError('File', fileId);
    return this.files.openStream(fileId);
  }

  assertParticipant(isParticipant: boolean): void {
    if (!isParticipant) throw new ForbiddenError("Only the chat's participants can send files");
  }
}
