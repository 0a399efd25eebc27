import { DomainEventBus } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { CreateTicketService } from '@switchboard/tickets';
import { newTestService } from '@switchboard/testing';
import { CaseRepository } from '../repositories/case.repository.js';
import { CaseOverflowTicketService } from './case-overflow-ticket.service.js';
import { CaseService } from './case.service.js';

const caseRow = {
  id: 'conv-1',
  companyId: 'co',
  question: 'My printer\n  is   on fire',
  portal: { id: 'p', name: 'Acme help', subdomain: 'acme' },
  ticketId: null,
};
const messages = [
  {
    id: 'm1',
    seq: 1,
    kind: 'text',
    body: 'My printer is on fire',
    author: { kind: 'contact', id: 'ct', name: 'Jane' },
    createdAt: '2026-12-04T10:00:00.000Z',
  },
];

describe('CaseOverflowTicketService', () => {
  const setUp = () => {
    const { sut, fake } = newTestService(CaseOverflowTicketService);
    fake(CaseRepository).findById.mockResolvedValue({ ...caseRow } as never);
    fake(ConversationService).get.mockResolvedValue({ id: 'conv-1', contactId: 'ct' } as never);
    fake(ConversationService).listMessages.mockResolvedValue(messages as never);
    fake(ConversationService).languageOf.mockResolvedValue('fr' as never);
    fake(CreateTicketService).createAs.mockResolvedValue({ id: 't1', number: 42 } as never);
    fake(CaseService).linkTicket.mockResolvedValue(undefined);
    fake(DomainEventBus).subscribe.mockReturnValue(undefined as never);
    return { sut, fake };
  };

  it('opens an unassigned ticket for the customer with the chat as description, titled in their language, and links it', async () => {
    const { sut, fake } = setUp();
    expect(await sut.open('conv-1')).toEqual({ number: 42 });
    const [input, actor, source] = fake(CreateTicketService).createAs.mock.calls[0];
    expect(input).toMatchObject({
      title: 'Discussion sans réponse : My printer is on fire',
      requesterId: 'ct',
      companyId: 'co',
      assigneeId: null,
    });
    expect(input.description).toContain('Jane: My printer is on fire');
    expect(actor).toMatchObject({ kind: 'system' });
    expect(source).toBe('portal');
    expect(fake(CaseService).linkTicket).toHaveBeenCalledWith('conv-1', { id: 't1', number: 42 });
  });

  it('never opens a second ticket for a case that has one', async () => {
    const { sut, fake } = setUp();
    fake(CaseRepository).findById.mockResolvedValue({ ...caseRow, ticketId: 't0' } as never);
    expect(await sut.open('conv-1')).toBeNull();
    expect(fake(CreateTicketService).createAs).not.toHaveBeenCalled();
  });

  it('listens only to portal chats ended by overflow', async () => {
    const { sut, fake } = setUp();
    sut.onModuleInit();
    const [event, handler] = fake(DomainEventBus).subscribe.mock.calls[0] as unknown as [
      string,
      (e: object) => Promise<void>,
    ];
    expect(event).toBe('conversation.ended');
    await handler({ channel: 'portal', conversationId: 'conv-1', reason: 'agent_ended' });
    await handler({ channel: 'agent', conversationId: 'conv-1', reason: 'overflowed' });
    expect(fake(CreateTicketService).createAs).not.toHaveBeenCalled();
    await handler({ channel: 'portal', conversationId: 'conv-1', reason: 'overflowed' });
    expect(fake(CreateTicketService).createAs).toHaveBeenCalledTimes(1);
  });
});
