import { FileService, NotFoundError, RealtimeService, TransactionRunner } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { TicketCommentRepository } from '../repositories/ticket-comment.repository.js';
import { TicketRepository } from '../repositories/ticket.repository.js';
import { DeleteTicketService } from './delete-ticket.service.js';
import { TicketFinder } from './ticket-finder.service.js';

const admin = { id: 'a1', name: 'Ada', role: 'admin' } as never;
const TX = { tx: 1 } as never;

describe('DeleteTicketService', () => {
  function build() {
    const t = newTestService(DeleteTicketService);
    t.fake(TransactionRunner).run.mockImplementation((work) => work(TX));
    t.fake(RealtimeService).emit.mockReturnValue(undefined);
    t.fake(TicketCommentRepository).idsOfTicket.mockResolvedValue(['c1', 'c2']);
    t.fake(FileService).removeOwnedBy.mockResolvedValue(1);
    return t;
  }

  it('locks the ticket (with the access check), deletes it in that transaction, then tells the ticket and list rooms', async () => {
    const { sut, fake } = build();
    fake(TicketFinder).lock.mockResolvedValue({ id: 't1', number: 7, companyId: 'co' } as TicketEntity);
    fake(TicketRepository).deleteById.mockResolvedValue(true);
    await sut.remove(7, admin);
    expect(fake(TicketFinder).lock).toHaveBeenCalledWith(7, TX, admin);
    expect(fake(TicketRepository).deleteById).toHaveBeenCalledWith('t1', TX);
    expect(fake(FileService).removeOwnedBy).toHaveBeenCalledWith('ticket-comment', ['c1', 'c2']);
    expect(fake(FileService).removeOwnedBy).toHaveBeenCalledWith('ticket-comment-original', ['c1', 'c2']);
    expect(fake(RealtimeService).emit).toHaveBeenCalledWith(
      'agent',
      ['ticket:7', 'tickets:all', 'tickets:company:co'],
      'ticket.deleted',
      { number: 7, companyId: 'co' },
    );
  });

  it('an unknown (or out of scope) ticket is a 404 and nothing is deleted or sent', async () => {
    const { sut, fake } = build();
    fake(TicketFinder).lock.mockRejectedValue(new NotFoundError('Ticket', '8'));
    await expect(sut.remove(8, admin)).rejects.toBeInstanceOf(NotFoundError);
    expect(fake(TicketRepository).deleteById).not.toHaveBeenCalled();
    expect(fake(RealtimeService).emit).not.toHaveBeenCalled();
    expect(fake(FileService).removeOwnedBy).not.toHaveBeenCalled();
  });

  it('a storage failure after the commit is logged: the ticket stays deleted and viewers are still told', async () => {
    const { sut, fake } = build();
    fake(TicketFinder).lock.mockResolvedValue({ id: 't1', number: 7, companyId: 'co' } as TicketEntity);
    fake(TicketRepository).deleteById.mockResolvedValue(true);
    fake(FileService).removeOwnedBy.mockRejectedValue(new Error('bucket unreachable'));
    await sut.remove(7, admin);
    expect(fake(RealtimeService).emit).toHaveBeenCalledTimes(1);
  });
});
