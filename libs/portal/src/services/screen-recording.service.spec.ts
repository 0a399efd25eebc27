import { ConversationService } from '@switchboard/chat';
import { ConflictError, FileService, ForbiddenError, NotFoundError, ValidationFailedError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { ScreenSessionRepository } from '../repositories/screen-session.repository.js';
import { SCREEN_RECORDING_OWNER, ScreenRecordingService } from './screen-recording.service.js';

const me = { id: 't1', role: 'technician' } as never;
const session = (over: object = {}) =>
  ({ id: 's1', conversationId: 'c1', companyId: 'co', technicianId: 't1', recording: true, ...over }) as never;
const upload = (contentType: string) =>
  ({ id: 'f1', name: 'screen.webm', contentType, size: 3, companyId: null, attached: false }) as never;

describe('ScreenRecordingService', () => {
  function build() {
    const t = newTestService(ScreenRecordingService);
    t.fake(ConversationService).getForTechnician.mockResolvedValue({} as never);
    return t;
  }

  it('attaches a video upload of the session technician to the case, in its company', async () => {
    const { sut, fake } = build();
    fake(ScreenSessionRepository).findById.mockResolvedValue(session());
    fake(FileService).claimable.mockResolvedValue([upload('video/webm;codecs=vp8')]);
    fake(FileService).attach.mockResolvedValue(undefined);
    await expect(sut.attach(me, 's1', 'f1')).resolves.toMatchObject({ id: 'f1', companyId: 'co', attached: true });
    expect(fake(FileService).claimable).toHaveBeenCalledWith(['f1'], { kind: 'account', id: 't1' });
    expect(fake(FileService).attach).toHaveBeenCalledWith(['f1'], {
      kind: SCREEN_RECORDING_OWNER,
      id: 'c1',
      companyId: 'co',
    });
  });

  it('refuses another technician, an unrecorded session, a non-video upload', async () => {
    const { sut, fake } = build();
    fake(ScreenSessionRepository).findById.mockResolvedValueOnce(session({ technicianId: 'other' }));
    await expect(sut.attach(me, 's1', 'f1')).rejects.toBeInstanceOf(ForbiddenError);
    fake(ScreenSessionRepository).findById.mockResolvedValueOnce(session({ recording: false }));
    await expect(sut.attach(me, 's1', 'f1')).rejects.toBeInstanceOf(ConflictError);
    fake(ScreenSessionRepository).findById.mockResolvedValueOnce(session());
    fake(FileService).claimable.mockResolvedValue([upload('text/plain')]);
    await expect(sut.attach(me, 's1', 'f1')).rejects.toBeInstanceOf(ValidationFailedError);
    fake(ScreenSessionRepository).findById.mockResolvedValueOnce(null);
    await expect(sut.attach(me, 's1', 'f1')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('removes one recording of the case (404 when it is not one), and purges all with the sessions', async () => {
    const { sut, fake } = build();
    fake(FileService).removeOwned.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
    await sut.remove(me, 'c1', 'f1');
    expect(fake(FileService).removeOwned).toHaveBeenCalledWith(SCREEN_RECORDING_OWNER, 'c1', 'f1');
    await expect(sut.remove(me, 'c1', 'f2')).rejects.toBeInstanceOf(NotFoundError);
    fake(FileService).removeOwnedBy.mockResolvedValue(1);
    fake(ScreenSessionRepository).deleteByConversation.mockResolvedValue(undefined);
    await sut.purge('c1');
    expect(fake(FileService).removeOwnedBy).toHaveBeenCalledWith(SCREEN_RECORDING_OWNER, ['c1']);
    expect(fake(ScreenSessionRepository).deleteByConversation).toHaveBeenCalledWith('c1');
  });
});
