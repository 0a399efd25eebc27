import { definePlugin } from './define-plugin.js';
import { createFakeHost } from './testing/fake-host.js';

const plugin = (permissions: string[]) =>
  definePlugin({
    manifest: {
      id: 'ai-user',
      version: '1.0.0',
      apiVersion: '^1.4.0',
      kind: 'feature',
      permissions: permissions as never,
    },
  });

describe('SDK 1.4 AI surface', () => {
  it('ctx.ai.complete needs ai.complete and reaches the host with a copy of the request', async () => {
    const host = await createFakeHost({ plugin: plugin(['ai.complete']), ai: (r) => `echo ${r.prompt}` });
    expect(await host.ctx.ai.complete({ system: 'be brief', prompt: 'hello', maxTokens: 20 })).toBe('echo hello');
    expect(host.aiRequests).toEqual([{ system: 'be brief', prompt: 'hello', maxTokens: 20 }]);

    const denied = await createFakeHost({ plugin: plugin([]), ai: () => 'x' });
    await expect(denied.ctx.ai.complete({ system: '', prompt: 'hi' })).rejects.toMatchObject({
      code: 'PLUGIN_PERMISSION_DENIED',
      permission: 'ai.complete',
    });
  });

  it('rejects malformed requests before the host sees them', async () => {
    const host = await createFakeHost({ plugin: plugin(['ai.complete']), ai: () => 'x' });
    await expect(host.ctx.ai.complete({ system: 1, prompt: '' } as never)).rejects.toThrow(
      'system must be a string; prompt must not be empty',
    );
    await expect(host.ctx.ai.complete({ system: '', prompt: 'x', maxTokens: 0 })).rejects.toThrow('maxTokens');
    expect(host.aiRequests).toEqual([]);
  });

  it('providing compose or sentiment needs its permission', async () => {
    const without = await createFakeHost({ plugin: plugin([]) });
    expect(() => without.registrar.provide('compose', { generate: async () => '', rewrite: async () => '' })).toThrow(
      expect.objectContaining({ permission: 'ai.compose' }),
    );
    expect(() =>
      without.registrar.provide('sentiment', { classify: async () => ({ label: 'neutral', score: 0 }) }),
    ).toThrow(expect.objectContaining({ permission: 'ai.sentiment' }));
    const withIt = await createFakeHost({ plugin: plugin(['ai.sentiment']) });
    withIt.registrar.provide('sentiment', { classify: async () => ({ label: 'neutral', score: 0 }) });
    expect(withIt.provided.has('sentiment')).toBe(true);
  });
});
