import { Clock, FakeClock } from '@switchboard/core';
import { ConversationTimers, type ConversationView } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { IDLE_TIMEOUT_MS } from '../agent-chat.types.js';
import { AgentChatFlow } from './agent-chat-flow.service.js';
import { AGENT_CHAT_IDLE, AgentChatIdleTimer, agentChatIdleDeadline } from './agent-chat-idle.timer.js';

const NOW = Date.UTC(2026, 0, 1, 12);
const chat = (over: Partial<ConversationView>): ConversationView =>
  ({
    id: 'c1',
    channel: 'agent',
    status: 'active',
    createdAt: new Date(NOW - 20 * 60_000).toISOString(),
    lastMessageAt: null,
    meta: {},
    ...over,
  }) as ConversationView;

describe('AgentChatIdleTimer', () => {
  const build = () => newTestService(AgentChatIdleTimer, { types: [[Clock, new FakeClock(NOW)]] });

  it('ends an active chat whose last message is older than the idle timeout', async () => {
    const { sut, fake } = build();
    fake(AgentChatFlow).end.mockResolvedValue(true);
    await sut.fire(chat({ lastMessageAt: new Date(NOW - IDLE_TIMEOUT_MS).toISOString() }));
    expect(fake(AgentChatFlow).end).toHaveBeenCalledWith('c1', 'idle');
  });

  it('moves the timer to last message + timeout when someone wrote since (no write per message)', async () => {
    const { sut, fake } = build();
    fake(ConversationTimers).schedule.mockResolvedValue(undefined);
    await sut.fire(chat({ lastMessageAt: new Date(NOW - 60_000).toISOString() }));
    expect(fake(ConversationTimers).schedule).toHaveBeenCalledWith(
      AGENT_CHAT_IDLE,
      'c1',
      new Date(NOW - 60_000 + IDLE_TIMEOUT_MS),
    );
  });

  it('does nothing for a gone, ended, waiting or non-agent conversation (strict fakes: no call)', async () => {
    const { sut } = build();
    await sut.fire(null);
    await sut.fire(chat({ status: 'ended' }));
    await sut.fire(chat({ status: 'waiting' }));
    await sut.fire(chat({ channel: 'portal' }));
  });

  it('its deadline is the idle timeout from the acceptance', () => {
    expect(agentChatIdleDeadline(new Date(NOW))).toEqual({
      kind: AGENT_CHAT_IDLE,
      dueAt: new Date(NOW + IDLE_TIMEOUT_MS),
    });
  });
});
