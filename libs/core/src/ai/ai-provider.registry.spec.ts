import { AiProviderRegistry } from './ai-provider.registry.js';

const compose = (answer = 'ok') => ({
  generate: async () => answer,
  rewrite: async (text: string) => text,
  complete: async (request: { prompt: string }) => `${answer}:${request.prompt}`,
});
const signal = new AbortController().signal;

describe('AiProviderRegistry', () => {
  it('fills a point once, refuses a second plugin, and the withdrawal empties it', async () => {
    const registry = new AiProviderRegistry();
    const off = registry.use('compose', 'feature-ai-compose', compose('a'));
    expect(registry.composeProvider?.pluginId).toBe('feature-ai-compose');
    expect(() => registry.use('compose', 'other', compose('b'))).toThrow(
      expect.objectContaining({ code: 'AI_PROVIDER_TAKEN', status: 409 }),
    );
    expect(await registry.complete({ system: '', prompt: 'p' }, signal)).toBe('a:p');
    off();
    expect(registry.composeProvider).toBeNull();
    expect(registry.canComplete).toBe(false);
  });

  it('complete without a provider (or one without complete) is a 409, not a crash', async () => {
    const registry = new AiProviderRegistry();
    await expect(registry.complete({ system: '', prompt: 'p' }, signal)).rejects.toMatchObject({
      code: 'AI_PROVIDER_MISSING',
      status: 409,
    });
    registry.use('compose', 'x', { generate: async () => '', rewrite: async () => '' });
    await expect(registry.complete({ system: '', prompt: 'p' }, signal)).rejects.toMatchObject({ status: 409 });
  });

  it('a stale withdrawal does not remove the next plugin', () => {
    const registry = new AiProviderRegistry();
    const offA = registry.use('sentiment', 'a', { classify: async () => ({ label: 'neutral', score: 0 }) });
    offA();
    registry.use('sentiment', 'b', { classify: async () => ({ label: 'positive', score: 1 }) });
    offA();
    expect(registry.sentimentProvider?.pluginId).toBe('b');
  });
});
