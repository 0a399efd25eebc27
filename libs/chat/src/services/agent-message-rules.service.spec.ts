import { ValidationFailedError } from '@switchboard/core';
import { AgentMessageRules } from './agent-message-rules.service';

describe('AgentMessageRules', () => {
  it('passes with no rule, and runs every registered rule in order until one refuses', async () => {
    const rules = new AgentMessageRules();
    await expect(rules.check('c1', 'hello')).resolves.toBeUndefined();
    const seen: string[] = [];
    rules.register((id, body) => {
      seen.push(`a:${id}:${body}`);
    });
    rules.register(async (_id, body) => {
      seen.push('b');
      if (body.includes('<')) throw new ValidationFailedError('reserved', { body: ['no <'] });
    });
    rules.register(() => {
      seen.push('c');
    });
    await rules.check('c1', 'fine');
    expect(seen).toEqual(['a:c1:fine', 'b', 'c']);
    seen.length = 0;
    await expect(rules.check('c1', 'a < b')).rejects.toBeInstanceOf(ValidationFailedError);
    expect(seen).toEqual(['a:c1:a < b', 'b']);
  });
});
