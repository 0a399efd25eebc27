import { SCREEN_SHARE_LINES } from '@switchboard/contracts';
import { ConversationService } from '@switchboard/chat';
import { Clock, ConflictError, FakeClock, RealtimeService } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import type { ScreenSessionEntity } from '../entities/screen-session.entity.js';
import { ScreenSessionRepository } from '../repositories/screen-session.repository.js';
import { ScreenShareService } from './screen-share.service.js';

const NOW = Date.UTC(2026, 0, 1);
const session = (over: Partial<ScreenSessionEntity> = {}): ScreenSessionEntity => ({
  id: 's1',
  conversationId: 'c1',
  companyId: 'co',
  technicianId: 't1',
  technicianName: 'Ada',
  technicianSocketId: 'sock-tech',
  visitorSocketId: null,
  status: 'requested',
  recording: false,
  endedReason: null,
  createdAt: new Date(NOW),
  startedAt: null,
  endedAt: null,
  ...over,
});
const chat = { conversationId: 'c1' } as never;

describe('ScreenShareService', () => {
  function build() {
    const t = newTestService(ScreenShareService, { types: [[Clock, new FakeClock(NOW)]] });
    t.fake(ConversationService).postSystemMessage.mockResolvedValue(null);
    t.fake(RealtimeService).emit.mockReturnValue(undefined);
    return t;
  }

  it('decline for an unsupported browser says why in the log and ends the session once', async () => {
    const { sut, fake } = build();
    fake(ScreenSessionRepository).findById.mockResolvedValue(session());
    fake(ScreenSessionRepository).transition.mockResolvedValue(true);
    await sut.decline(chat, 's1', 'unsupported');
    expect(fake(ScreenSessionRepository).transition).toHaveBeenCalledWith('s1', ['requested', 'active'], {
      status: 'ended',
      endedReason: 'declined',
      endedAt: new Date(NOW),
    });
    expect(fake(ConversationService).postSystemMessage).toHaveBeenCalledWith(
      'c1',
      SCREEN_SHARE_LINES.declined_unsupported,
    );
    expect(fake(RealtimeService).emit).toHaveBeenCalledWith('agent', 'sock-tech', 'screen.ended', {
      conversationId: 'c1',
      sessionId: 's1',
      reason: 'declined',
    });
  });

  it('decline refuses a session already being shared', async () => {
    const { sut, fake } = build();
    fake(ScreenSessionRepository).findById.mockResolvedValue(session({ status: 'active' }));
    await expect(sut.decline(chat, 's1')).rejects.toBeInstanceOf(ConflictError);
  });

  it('endForChat ends every open session of the chat with its line; a session ended meanwhile says nothing', async () => {
    const { sut, fake } = build();
    fake(ScreenSessionRepository).findOpen.mockResolvedValue([session(), session({ id: 's2' })]);
    fake(ScreenSessionRepository).transition.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
    await sut.endForChat('c1');
    expect(fake(ScreenSessionRepository).findOpen).toHaveBeenCalledWith('c1');
    expect(fake(ScreenSessionRepository).transition).toHaveBeenCalledTimes(2);
    expect(fake(ConversationService).postSystemMessage).toHaveBeenCalledTimes(1);
    expect(fake(ConversationService).postSystemMessage).toHaveBeenCalledWith('c1', SCREEN_SHARE_LINES.chat_ended);
    expect(fake(RealtimeService).emit).toHaveBeenCalledWith('portal', 'conversation:c1', 'screen.ended', {
      conversationId: 'c1',
      sessionId: 's1',
      reason: 'chat_ended',
    });
  });
});
