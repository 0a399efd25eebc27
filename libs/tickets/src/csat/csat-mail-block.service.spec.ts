import { newTestService } from '@switchboard/testing';
import { TicketPortalLinks } from '../email/ticket-portal-links.js';
import { CsatMailBlock } from './csat-mail-block.service.js';
import { CsatQuestionService } from './csat-question.service.js';

describe('CsatMailBlock', () => {
  it('the question and one link per score to the portal page; nothing without a page', async () => {
    const t = newTestService(CsatMailBlock);
    t.fake(CsatQuestionService).question.mockResolvedValue('How did we do?');
    t.fake(TicketPortalLinks).surveyUrl.mockResolvedValue('https://h.example/p/acme/csat?token=tok');
    const block = (await t.sut.render({ token: 'tok', companyId: 'co', language: 'en' }))!;
    expect(block.text).toContain('How did we do?\n1/5: https://h.example/p/acme/csat?token=tok&score=1');
    expect(block.text).toContain('5/5: https://h.example/p/acme/csat?token=tok&score=5');
    expect(block.html).toContain('href="https://h.example/p/acme/csat?token=tok&amp;score=3"');
    t.fake(TicketPortalLinks).surveyUrl.mockResolvedValue(null);
    await expect(t.sut.render({ token: 'tok', companyId: 'co', language: 'en' })).resolves.toBeNull();
  });
});
