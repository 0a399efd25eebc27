import { AccessPolicy, type AccountPrincipal } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { RoutingContactRepository } from '../repositories/routing-contact.repository';
import { WrapUpRepository } from '../repositories/wrap-up.repository';
import { ConversationEndService } from './conversation-end.service';

const me = { id: 'a1', name: 'Alice', role: 'technician' } as AccountPrincipal;
const accepted = { id: 'c1', companyId: 'co1', state: 'accepted', offeredTo: 'a1', queueId: 'q1' };
const open = { id: 'w1', conversationId: 'c1', cause: 'ended', openedAt: new Date(), wrappedAt: null };

describe('ConversationEndService', () => {
  function setup(contact: unknown = accepted) {
    const t = newTestService(ConversationEndService);
    t.fake(AccessPolicy).canAccessCompany.mockReturnValue(true);
    t.fake(RoutingContactRepository).findById.mockResolvedValue(contact as never);
    t.fake(ConversationService).end.mockResolvedValue(true);
    return t;
  }

  it('ends the chat with "<agent> ended the chat" in both languages and answers with the open wrap-up', async () => {
    const { sut, fake } = setup();
    fake(WrapUpRepository).findOpen.mockResolvedValue(open as never);
    const r = await sut.end('c1', me);
    expect(r).toMatchObject({ conversationId: 'c1', wrapUp: { id: 'w1', cause: 'ended' } });
    expect(fake(ConversationService).end).toHaveBeenCalledWith('c1', {
      reason: 'agent_ended',
      by: { kind: 'technician', id: 'a1', name: 'Alice' },
      text: { en: 'Alice ended the chat', fr: 'Alice a mis fin à la discussion' },
    });
  });

  it('404 for a pool chat or another company, 409 before accept, 403 for another agent', async () => {
    await expect(setup(null).sut.end('c1', me)).rejects.toMatchObject({ status: 404 });
    const other = setup();
    other.fake(AccessPolicy).canAccessCompany.mockReturnValue(false);
    await expect(other.sut.end('c1', me)).rejects.toMatchObject({ status: 404 });
    await expect(setup({ ...accepted, state: 'offered' }).sut.end('c1', me)).rejects.toMatchObject({ status: 409 });
    const notMine = setup({ ...accepted, offeredTo: 'a2' });
    await expect(notMine.sut.end('c1', me)).rejects.toMatchObject({ status: 403 });
    expect(notMine.fake(ConversationService).end).not.toHaveBeenCalled();
  });

  it('409 when the chat had ended and its wrap-up is done already', async () => {
    const { sut, fake } = setup();
    fake(ConversationService).end.mockResolvedValue(false);
    fake(WrapUpRepository).findOpen.mockResolvedValue(null);
    await expect(sut.end('c1', me)).rejects.toMatchObject({ status: 409 });
  });
});
