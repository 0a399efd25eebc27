import { ConflictError, SettingsService } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import {
  AddContactCommentService,
  ContactAuthorService,
  CreateTicketService,
  EndUserTicketsService,
} from '@switchboard/tickets';
import { PortalTicketWriter } from './portal-ticket-writer.service.js';

const WHO = { sessionId: 's', portalId: 'p', companyId: 'co', contactId: 'c1' };
const COMMENT = {
  id: 'm',
  body: 'hi',
  author: { kind: 'contact', id: 'c1', name: 'Jane' },
  source: 'portal',
  truncated: false,
  attachments: [],
  createdAt: 'now',
};

describe('PortalTicketWriter', () => {
  function build(ticket: Record<string, unknown>, closedTicketReply = 'new_ticket') {
    const t = newTestService(PortalTicketWriter);
    t.fake(EndUserTicketsService).find.mockResolvedValue({
      number: 5,
      status: 'open',
      statusCategory: 'open',
      mergedIntoNumber: null,
      ...ticket,
    } as never);
    t.fake(SettingsService).get.mockResolvedValue(closedTicketReply as never);
    t.fake(ContactAuthorService).resolve.mockResolvedValue({ contact: { id: 'c1' }, account: null } as never);
    t.fake(AddContactCommentService).add.mockResolvedValue(COMMENT as never);
    return t;
  }

  it('replies through the emailed-reply entry point with source portal', async () => {
    const { sut, fake } = build({ status: 'resolved', statusCategory: 'done' });
    const view = await sut.reply(WHO, 5, { body: 'hi', attachmentIds: ['f1'] });
    expect(fake(AddContactCommentService).add).toHaveBeenCalledWith(
      expect.objectContaining({ ticketNumber: 5, source: 'portal', attachmentIds: ['f1'], body: 'hi' }),
    );
    expect(view.author).toEqual({ kind: 'contact', name: 'Jane', mine: true });
  });

  it('a closed ticket: 409, unless the rules reopen closed tickets on a reply', async () => {
    await expect(
      build({ status: 'closed', statusCategory: 'done' }).sut.reply(WHO, 5, { body: 'x' }),
    ).rejects.toBeInstanceOf(ConflictError);
    const { sut, fake } = build({ status: 'closed', statusCategory: 'done' }, 'reopen');
    await sut.reply(WHO, 5, { body: 'x' });
    expect(fake(AddContactCommentService).add).toHaveBeenCalledWith(expect.objectContaining({ reopenStatus: 'open' }));
    await expect(build({ mergedIntoNumber: 9 }).sut.reply(WHO, 5, { body: 'x' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('a new request opens a portal ticket for the contact, description cut at 64K', async () => {
    const { sut, fake } = build({});
    fake(ContactAuthorService).resolve.mockResolvedValue({
      contact: { id: 'c1', firstName: 'Jane', lastName: 'Doe' },
      account: null,
    } as never);
    fake(CreateTicketService).createAs.mockResolvedValue({ number: 12 } as never);
    await expect(sut.open(WHO, { title: ' Laptop ', description: 'y'.repeat(70_000) })).resolves.toEqual({
      number: 12,
    });
    const [input, actor, source] = fake(CreateTicketService).createAs.mock.calls[0];
    expect(input).toMatchObject({ title: 'Laptop', requesterId: 'c1' });
    expect(Array.from(input.description)).toHaveLength(65_536);
    expect(actor).toEqual({ kind: 'contact', id: 'c1', name: 'Jane Doe' });
    expect(source).toBe('portal');
  });
});
