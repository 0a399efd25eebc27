import { AiProviderRegistry, MailTransportRegistry, type PiiMasker } from '@switchboard/core';
import { ExtensionPointBinder } from './extension-point.binder.js';

describe('ExtensionPointBinder', () => {
  const setup = (masker?: PiiMasker) => {
    const transports = new MailTransportRegistry();
    const ai = new AiProviderRegistry();
    return { transports, ai, binder: new ExtensionPointBinder(transports, ai, masker) };
  };

  it('binds compose and sentiment to the AI registry and checks their shape', () => {
    const { ai, binder } = setup();
    expect(() => binder.provide('p', 'compose', { generate: async () => '' })).toThrow('compose needs rewrite(...)');
    const off = binder.provide('p', 'compose', { generate: async () => '', rewrite: async () => '' });
    expect(ai.composeProvider?.pluginId).toBe('p');
    off();
    expect(ai.composeProvider).toBeNull();
    expect(() => binder.provide('p', 'sentiment', {})).toThrow('sentiment needs classify(...)');
  });

  it('binds the mail transport, and refuses points it does not know', () => {
    const { transports, binder } = setup();
    const off = binder.provide('mail', 'mailTransport', { deliver: async () => ({ externalId: 'x' }) });
    expect(transports.current?.name).toBe('mail');
    off();
    expect(transports.current).toBeNull();
    expect(() => binder.provide('p', 'teleport', {})).toThrow(
      expect.objectContaining({ code: 'PLUGIN_NOT_AVAILABLE' }),
    );
  });

  it('masks a completion request again before it reaches the provider', async () => {
    const masker = {
      maskPayload: <T>(v: T) => JSON.parse(JSON.stringify(v).replace(/4111 1111 1111 1111/g, '[CARD]')),
    };
    const { binder } = setup(masker as unknown as PiiMasker);
    const seen: string[] = [];
    binder.provide('c', 'compose', {
      generate: async () => '',
      rewrite: async () => '',
      complete: async (request: { prompt: string }) => (seen.push(request.prompt), 'done'),
    });
    expect(await binder.complete({ system: 's', prompt: 'card 4111 1111 1111 1111' })).toBe('done');
    expect(seen).toEqual(['card [CARD]']);
  });
});
