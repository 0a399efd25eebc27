import { AiProviderError, type ComposeContext, type ComposeProvider } from '@switchboard/plugin-sdk';
import { createFakeHost, runFeaturePluginContract } from '@switchboard/plugin-sdk/testing';
import plugin from './index';
import { failureOf } from './openai-provider';
import { generateMessages, rewriteMessages } from './prompts';

const settings = { baseUrl: 'http://127.0.0.1:9/v1', model: 'm' };
const context: ComposeContext = {
  ticket: { number: 7, title: 'Imprimante en panne' },
  language: 'fr',
  conversation: [{ from: 'end_user', name: 'Melissa', text: 'Ma carte [CARD-1] est débitée deux fois', at: 'x' }],
  requester: { firstName: 'Melissa' },
  technician: { name: 'Tom Tech', signature: null },
};

describe('feature-ai-compose plugin', () => {
  it('declares ai.compose and net:connect (the base URL is the admin’s), and the settings it needs', () => {
    expect(plugin.manifest).toMatchObject({ id: 'feature-ai-compose', kind: 'feature', apiVersion: '^1.4.0' });
    expect(plugin.manifest.permissions).toEqual(['ai.compose', 'net:connect']);
    const keys = plugin.manifest.settings!.map((s) => [s.key, s.type, !!s.required]);
    expect(keys).toEqual([
      ['baseUrl', 'string', true],
      ['apiKey', 'secret', false],
      ['model', 'string', true],
      ['timeoutMs', 'number', false],
      ['maxTokens', 'number', false],
      ['temperature', 'number', false],
    ]);
  });

  it('provides compose on enable and withdraws it on disable', async () => {
    const host = createFakeHost({ plugin, settings });
    await host.enable();
    const provider = host.provided.get('compose') as ComposeProvider;
    expect(typeof provider.generate).toBe('function');
    expect(typeof provider.complete).toBe('function');
    await host.disable();
    expect(host.provided.has('compose')).toBe(false);
  });

  it('cannot provide compose without ai.compose', async () => {
    const host = createFakeHost({ plugin, settings, permissions: ['net:connect'] });
    await expect(host.enable()).rejects.toMatchObject({ code: 'PLUGIN_PERMISSION_DENIED', permission: 'ai.compose' });
  });

  it('does not open a connection the grants do not allow', async () => {
    const host = createFakeHost({ plugin, settings, permissions: ['ai.compose'] });
    await host.enable();
    const provider = host.provided.get('compose') as ComposeProvider;
    await expect(provider.generate(context, { signal: new AbortController().signal })).rejects.toMatchObject({
      code: 'PLUGIN_AI_PROVIDER_FAILED',
      failure: 'invalid',
    });
    expect(host.denied.map((d) => d.permission)).toEqual(['net:connect:127.0.0.1:9']);
  });

  it('prompts in the conversation language, keep placeholders, and name the style', () => {
    const generate = generateMessages(context);
    expect(generate[0].content).toContain('Write in French');
    expect(generate[0].content).toContain('keep them exactly as written');
    expect(generate[0].content).toContain('Greet Melissa');
    expect(generate[1].content).toContain('Customer (Melissa): Ma carte [CARD-1]');
    expect(rewriteMessages('draft', 'formal', context)[0].content).toContain('more formal');
    expect(rewriteMessages('draft', 'casual', context)[1]).toEqual({ role: 'user', content: 'draft' });
  });

  it('maps provider failures to the SDK kinds', () => {
    expect(failureOf({ status: 429 }).failure).toBe('quota');
    expect(failureOf({ status: 401 }).failure).toBe('invalid');
    expect(failureOf({ status: 400 }).failure).toBe('refused');
    expect(failureOf({ status: 503 }).failure).toBe('unavailable');
    const own = new AiProviderError('timeout', 'x');
    expect(failureOf(own)).toBe(own);
  });
});

runFeaturePluginContract(() => ({ plugin, settings, provides: ['compose'] }));
