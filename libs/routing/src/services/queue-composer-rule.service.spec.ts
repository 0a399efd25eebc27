import { AgentMessageRules } from '@switchboard/chat';
import { DomainError } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { QueueRepository } from '../repositories/queue.repository';
import { RoutingContactRepository } from '../repositories/routing-contact.repository';
import { QueueComposerRule } from './queue-composer-rule.service';

describe('QueueComposerRule', () => {
  function build(routed: boolean, queueExists = true) {
    const t = newTestService(QueueComposerRule);
    t.fake(RoutingContactRepository).findById.mockResolvedValue(routed ? ({ id: 'c1', queueId: 'q1' } as never) : null);
    t.fake(QueueRepository).findById.mockResolvedValue(queueExists ? ({ id: 'q1' } as never) : null);
    return t;
  }
  const code = (p: Promise<void>) =>
    p.then(
      () => null,
      (e: DomainError) => [e.code, e.status],
    );

  it('registers itself with the chat rules at module init', () => {
    const { sut, fake } = build(true);
    fake(AgentMessageRules).register.mockReturnValue(undefined);
    sut.onModuleInit();
    expect(fake(AgentMessageRules).register).toHaveBeenCalledTimes(1);
  });

  it('refuses < and > and more than 1,000 characters on a queue-routed chat, with a 400 naming the rule', async () => {
    const { sut } = build(true);
    expect(await code(sut.check('c1', 'use <name> here'))).toEqual(['AGENT_MESSAGE_RESERVED_CHARACTERS', 400]);
    expect(await code(sut.check('c1', 'a > b'))).toEqual(['AGENT_MESSAGE_RESERVED_CHARACTERS', 400]);
    expect(await code(sut.check('c1', 'x'.repeat(1001)))).toEqual(['AGENT_MESSAGE_TOO_LONG', 400]);
    await expect(sut.check('c1', 'x'.repeat(1000))).resolves.toBeUndefined();
    await expect(sut.check('c1', 'Hello,\n\n\nline breaks are fine & so is "this"')).resolves.toBeUndefined();
  });

  it('leaves other conversations alone, and looks a conversation up once', async () => {
    const { sut, fake } = build(false);
    await expect(sut.check('c2', 'a <b> c')).resolves.toBeUndefined();
    await expect(sut.check('c2', 'x'.repeat(2000))).resolves.toBeUndefined();
    expect(fake(RoutingContactRepository).findById).toHaveBeenCalledTimes(1);
  });

  it('refuses every agent message once the queue was deleted (409: the agent can only end it)', async () => {
    const { sut } = build(true, false);
    expect(await code(sut.check('c1', 'plain text'))).toEqual(['ROUTING_QUEUE_DELETED', 409]);
  });

  it('lets plain text through on a queue-routed chat whose queue exists', async () => {
    const { sut, fake } = build(true);
    await expect(sut.check('c1', 'plain text')).resolves.toBeUndefined();
    await expect(sut.check('c1', 'more text')).resolves.toBeUndefined();
    expect(fake(RoutingContactRepository).findById).toHaveBeenCalledTimes(1);
  });
});
