import { CompanyService, ContactLanguageService, ContactService } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { QuickReplyRepository } from '../repositories/quick-reply.repository.js';
import { QuickReplyService } from './quick-reply.service.js';
import { TicketFinder } from './ticket-finder.service.js';

const me = { id: 'tech', role: 'technician', name: 'Tess', email: 'tess@example.test' } as never;

function setup(language: 'en' | 'fr', bodyFr: string | null) {
  const t = newTestService(QuickReplyService);
  t.fake(QuickReplyRepository).findById.mockResolvedValue({
    id: 'q1',
    ownerId: null,
    body: 'Hello {{contact.firstName}}',
    bodyFr,
  } as never);
  t.fake(TicketFinder).get.mockResolvedValue({
    number: 3,
    title: 'Screen',
    status: 'open',
    priority: 'low',
    requesterId: 'c1',
    companyId: 'co1',
  } as never);
  t.fake(ContactService).getMany.mockResolvedValue([
    { firstName: 'Melissa', lastName: 'Doe', email: 'm@example.test', language, companyId: 'co1' },
  ] as never);
  t.fake(CompanyService).get.mockResolvedValue({ name: 'Acme' } as never);
  t.fake(ContactLanguageService).forContact.mockResolvedValue(language);
  return t.sut;
}

describe('QuickReplyService.render', () => {
  it('renders the French text for a requester who reads French (#16)', async () => {
    expect(await setup('fr', 'Bonjour {{contact.firstName}}').render('q1', 3, me)).toEqual({ text: 'Bonjour Melissa' });
  });

  it('renders the one text otherwise: an English reader, or no French text', async () => {
    expect(await setup('en', 'Bonjour {{contact.firstName}}').render('q1', 3, me)).toEqual({ text: 'Hello Melissa' });
    expect(await setup('fr', null).render('q1', 3, me)).toEqual({ text: 'Hello Melissa' });
  });
});
