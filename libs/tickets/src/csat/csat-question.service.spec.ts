import { SettingsRegistry, SettingsService } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { CsatQuestionService } from './csat-question.service.js';

describe('CsatQuestionService', () => {
  const build = (question: string) => {
    const registry = new SettingsRegistry();
    const t = newTestService(CsatQuestionService, { types: [[SettingsRegistry, registry]] });
    t.fake(SettingsService).get.mockResolvedValue(question as never);
    return { ...t, registry };
  };

  it('declares csat.enabled (default on) and csat.question in the typed settings', () => {
    const { registry } = build('How did we do?');
    expect(registry.get('csat.enabled')).toMatchObject({ type: 'boolean', default: true });
    expect(registry.get('csat.question')).toMatchObject({ type: 'string', default: 'How did we do?' });
  });

  it('translates the default question; a custom one is used as written', async () => {
    await expect(build('How did we do?').sut.question('co', 'fr')).resolves.toBe('Comment avons-nous fait ?');
    await expect(build('How did we do?').sut.question('co', 'en')).resolves.toBe('How did we do?');
    await expect(build(' Rate us ').sut.question('co', 'fr')).resolves.toBe('Rate us');
  });
});
