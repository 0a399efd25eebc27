import type { SentimentMessage, SentimentProvider } from '@switchboard/plugin-sdk';
import { createFakeHost, runFeaturePluginContract } from '@switchboard/plugin-sdk/testing';
import { classifyEmbedded, scoreMessage } from './embedded-classifier';
import plugin from './index';
import { detectLanguage, languageOf } from './language';

const msg = (text: string, language: string | null = null): SentimentMessage => ({
  text,
  at: '2026-01-01T00:00:00.000Z',
  language,
});
const signal = () => new AbortController().signal;

async function enabled(options: Parameters<typeof createFakeHost>[0] = {}) {
  const host = createFakeHost({ plugin, ...options });
  await host.enable();
  return { host, provider: host.provided.get('sentiment') as SentimentProvider };
}

describe('feature-sentiment plugin', () => {
  it('declares its manifest: feature kind, ai.sentiment, engine select defaulting to embedded', async () => {
    expect(plugin.manifest).toMatchObject({ id: 'feature-sentiment', kind: 'feature', apiVersion: '^1.4.0' });
    expect(plugin.manifest.permissions).toEqual(expect.arrayContaining(['ai.sentiment', 'ai.complete']));
    const { host } = await enabled();
    expect(host.ctx.settings.get('engine')).toBe('embedded');
    expect(host.status).toBe('enabled');
  });

  it('provides the sentiment extension point, removed on disable', async () => {
    const { host, provider } = await enabled();
    expect(await provider.classify([msg('THIS IS STILL BROKEN!!!')], { signal: signal() })).toMatchObject({
      label: 'negative',
    });
    await host.disable();
    expect(host.provided.has('sentiment')).toBe(false);
  });

  it('cannot provide sentiment without the ai.sentiment permission (the plugin crashes on enable)', async () => {
    const host = createFakeHost({ plugin, permissions: ['ai.complete'] });
    await expect(host.enable()).rejects.toMatchObject({ code: 'PLUGIN_PERMISSION_DENIED', permission: 'ai.sentiment' });
    expect(host.status).toBe('crashed');
    expect(host.provided.has('sentiment')).toBe(false);
    expect(host.denied.map((d) => d.permission)).toContain('ai.sentiment');
  });

  it('engine llm asks ctx.ai.complete with a one-word prompt and uses its label', async () => {
    const { host, provider } = await enabled({ settings: { engine: 'llm' }, ai: () => ' Negative.\n' });
    const result = await provider.classify([msg('Thanks for the update.')], { signal: signal() });
    expect(result.label).toBe('negative');
    expect(result.score).toBeLessThan(0);
    expect(host.aiRequests).toHaveLength(1);
    expect(host.aiRequests[0]!.system).toContain('exactly one lower-case word');
    expect(host.aiRequests[0]!.prompt).toContain('Thanks for the update.');
  });

  it.each([
    ['provider error', { ai: () => Promise.reject(new Error('provider down')) }],
    ['no compose provider', {}],
    ['an answer that is not a label', { ai: () => 'I think the user is rather unhappy' }],
  ])('engine llm falls back to the embedded classifier on %s', async (_name, extra) => {
    const { host, provider } = await enabled({ settings: { engine: 'llm' }, ...extra });
    const result = await provider.classify([msg('Perfect, thanks a lot for your help.')], { signal: signal() });
    expect(result.label).toBe('positive');
    expect(host.logs.some((l) => l.level === 'warn' && /embedded classifier used/.test(l.message))).toBe(true);
  });

  it('engine llm without the ai.complete grant still answers (embedded fallback)', async () => {
    const { provider } = await enabled({
      settings: { engine: 'llm' },
      permissions: ['ai.sentiment'],
      ai: () => 'positive',
    });
    expect((await provider.classify([msg('The fix did not work.')], { signal: signal() })).label).toBe('negative');
  });
});

describe('embedded classifier', () => {
  it.each([
    ['This is NOT good', 'negative'],
    ['this is not good', 'negative'],
    ['ok thanks', 'positive'],
    ['ok', 'neutral'],
    ['Any update on this ticket?', 'neutral'],
    ['Thanks for the quick reply, but the problem is still there.', 'negative'],
    ['Great, now it is broken on both computers.', 'negative'],
    ["Ce n'est pas bon du tout.", 'negative'],
    ['Ça marche pas !!', 'negative'],
    ['ok merci', 'positive'],
    ['Merci de créer un compte pour notre nouvel employé.', 'neutral'],
    ['Merci pour la réponse rapide, mais le problème est toujours là.', 'negative'],
    ['Plus aucun problème, tout fonctionne.', 'positive'],
  ])('%s → %s', (text, label) => {
    expect(classifyEmbedded([msg(text)]).label).toBe(label);
  });

  it('intensifiers and capitals strengthen the score', () => {
    expect(scoreMessage('this is very bad', 'en')).toBeLessThan(scoreMessage('this is bad', 'en'));
    expect(scoreMessage("c'est très mauvais", 'fr')).toBeLessThan(scoreMessage("c'est mauvais", 'fr'));
    expect(scoreMessage('This is BROKEN', 'en')).toBeLessThan(scoreMessage('This is broken', 'en'));
  });

  it('weighs the latest message most and scores within -1..1', () => {
    const bad = msg('It is broken, terrible.');
    const good = msg('Works now, thank you very much!');
    const r = classifyEmbedded([bad, good]);
    expect(r.score).toBeGreaterThan(classifyEmbedded([good, bad]).score);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(classifyEmbedded([]).score).toBe(0);
    expect(classifyEmbedded([]).label).toBe('neutral');
  });

  it('detects English or French cheaply, and honours a given language', () => {
    expect(detectLanguage("Je n'arrive plus à me connecter depuis hier")).toBe('fr');
    expect(detectLanguage('I cannot log in since yesterday')).toBe('en');
    expect(languageOf('whatever', 'fr-CA')).toBe('fr');
    expect(languageOf('Merci beaucoup pour votre aide', 'de')).toBe('fr');
  });
});

runFeaturePluginContract(() => ({ plugin, provides: ['sentiment'] }));
