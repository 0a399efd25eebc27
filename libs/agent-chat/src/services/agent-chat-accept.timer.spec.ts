import type { ConversationView } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { AgentChatFlow } from './agent-chat-flow.service.js';
import { AgentChatAcceptTimer } from './agent-chat-accept.timer.js';
import { acceptanceTimers } from './agent-chat-acceptance.js';

const chat = (over: Partial<ConversationView>, initiatedBy: string): ConversationView =>
  ({ id: 'c1', channel: 'agent', status: 'waiting', meta: { initiatedBy }, ...over }) as ConversationView;

describe('AgentChatAcceptTimer', () => {
  it("ends a user's unanswered request as busy and a technician's as not accepted", async () => {
    const { sut, fake } = newTestService(AgentChatAcceptTimer);
    fake(AgentChatFlow).end.mockResolvedValue(true);
    await sut.fire(chat({}, 'contact'));
    await sut.fire(chat({ id: 'c2' }, 'technician'));
    expect(fake(AgentChatFlow).end.mock.calls).toEqual([
      ['c1', 'busy'],
      ['c2', 'not_accepted'],
    ]);
  });

  it('leaves an accepted, ended, gone or non-agent conversation alone', async () => {
    const { sut } = newTestService(AgentChatAcceptTimer);
    await sut.fire(null);
    await sut.fire(chat({ status: 'active' }, 'contact'));
    await sut.fire(chat({ status: 'ended' }, 'contact'));
    await sut.fire(chat({ channel: 'portal' }, 'contact'));
  });

  it('acceptance swaps the accept timeout for idle and the automatic ticket', () => {
    const now = new Date(Date.UTC(2026, 0, 1));
    const timers = acceptanceTimers(now);
    expect(timers.cancel).toEqual(['agent-chat.accept']);
    expect(timers.arm?.map((d) => d.kind)).toEqual(['agent-chat.idle', 'agent-chat.ticket']);
    expect(timers.arm?.every((d) => d.dueAt.getTime() > now.getTime())).toBe(true);
  });
});
