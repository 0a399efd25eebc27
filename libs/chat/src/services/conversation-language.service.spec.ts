import { ContactLanguageService, ContactService } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { ConversationRepository } from '../repositories/conversation.repository.js';
import { ConversationLanguageService } from './conversation-language.service.js';

describe('ConversationLanguageService', () => {
  function setup(conversation: { companyId: string; contactId: string | null } | null) {
    const t = newTestService(ConversationLanguageService);
    t.fake(ConversationRepository).findById.mockResolvedValue(conversation as never);
    t.fake(ContactService).getMany.mockResolvedValue([{ id: 'k1', companyId: 'co1', language: 'fr' }] as never);
    t.fake(ContactLanguageService).forContact.mockImplementation(async (contact, companyId) =>
      contact?.language === 'fr' ? 'fr' : companyId === 'co-fr' ? 'fr' : 'en',
    );
    return t;
  }

  it("uses the customer's language, then the company's", async () => {
    expect(await setup({ companyId: 'co1', contactId: 'k1' }).sut.of('c1')).toBe('fr');
    const { sut, fake } = setup({ companyId: 'co-fr', contactId: null });
    expect(await sut.of('c1')).toBe('fr');
    expect(fake(ContactService).getMany).not.toHaveBeenCalled();
  });

  it('resolves a text per language, and passes a plain string through', async () => {
    const { sut } = setup({ companyId: 'co1', contactId: 'k1' });
    expect(await sut.resolve('c1', { en: 'Hello', fr: 'Bonjour' })).toBe('Bonjour');
    expect(await sut.resolve('c1', 'Same')).toBe('Same');
  });

  it('falls back to English for a conversation that is gone', async () => {
    expect(await setup(null).sut.of('gone')).toBe('en');
  });
});
