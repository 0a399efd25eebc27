import { Injectable } from '@nestjs/common';
import { ConversationService } from '@switchboard/chat';
import {
  ConflictError,
  FileService,
  ForbiddenError,
  NotFoundError,
  ValidationFailedError,
  type AccountPrincipal,
  type FileView,
} from '@switchboard/core';
import { ScreenSessionRepository } from '../repositories/screen-session.repository.js';

/** Owner kind of a recording in the files table; the owner id is the case (= its conversation). */
export const SCREEN_RECORDING_OWNER = 'screen-recording';

/**
 * Recordings of screen sharing sessions (#19, when `screen.recording` is on): the technician's
 * browser records with MediaRecorder, uploads through POST /api/files, then attaches the upload
 * to its session here; the recording belongs to the case, goes with it, and an admin can delete
 * it on its own.
 */
@Injectable()
export class ScreenRecordingService {
  constructor(
    private readonly sessions: ScreenSessionRepository,
    private readonly conversations: ConversationService,
    private readonly files: FileService,
  ) {}

  async attach(me: AccountPrincipal, sessionId: string, fileId: string): Promise<FileView> {
    const session = await this.sessions.findById(sessionId);
    if (!session) throw new NotFoundError('Screen session', sessionId);
    await this.conversations.getForTechnician(session.conversationId, me); // 404 outside the technician's companies
    if (session.technicianId !== me.id)
      throw new ForbiddenError('Only the technician who asked can upload its recording');
    if (!session.recording) throw new ConflictError('This screen sharing session is not recorded');
    const [file] = await this.files.claimable([fileId], { kind: 'account', id: me.id });
    if (!/^video\/(webm|mp4)\b/i.test(file.contentType))
      throw new ValidationFailedError('A recording is a video', {
        fileId: ['must be a video/webm or video/mp4 upload'],
      });
    await this.files.attach([file.id], {
      kind: SCREEN_RECORDING_OWNER,
      id: session.conversationId,
      companyId: session.companyId,
    });
    return { ...file, companyId: session.companyId, attached: true };
  }

  async list(me: AccountPrincipal, caseId: string): Promise<FileView[]> {
    await this.conversations.getForTechnician(caseId, me);
    return this.files.ownedBy(SCREEN_RECORDING_OWNER, caseId);
  }

  /** Admins only (the controller says so); the case stays. */
  async remove(me: AccountPrincipal, caseId: string, fileId: string): Promise<void> {
    await this.conversations.getForTechnician(caseId, me);
    if (!(await this.files.removeOwned(SCREEN_RECORDING_OWNER, caseId, fileId)))
      throw new NotFoundError('Recording', fileId);
  }

  /** The case was deleted: its recordings and screen sessions go too. */
  async purge(conversationId: string): Promise<void> {
    await this.files.removeOwnedBy(SCREEN_RECORDING_OWNER, [conversationId]);
    await this.sessions.deleteByConversation(conversationId);
  }
}
