import { DeviceService, DomainError, TechnicianDirectory } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { CreateTicketService } from '@switchboard/tickets';
import { newTestService } from '@switchboard/testing';
import { AgentChatTicketLinkService } from './agent-chat-ticket-link.service.js';
import { AgentChatFlow } from './agent-chat-flow.service.js';
import { AgentChatNotifier } from './agent-chat-notifier.service.js';

const principal = { deviceId: 'd1' } as never;
const device = (over: Record<string, unknown> = {}) =>
  ({ id: 'd1', name: 'PC-42', helpdeskAgentEnabled: true, contactId: 'ct', ...over }) as never;

describe('AgentChatTicketLinkService', () => {
  it("after a busy chat the user's message opens a ticket titled by its first line", async () => {
    const { sut, fake } = newTestService(AgentChatTicketLinkService);
    fake(DeviceService).get.mockResolvedValue(device());
    fake(CreateTicketService).createAs.mockResolvedValue({ number: 7, title: 'Printer jammed' } as never);
    await expect(sut.createFromDevice(principal, '  Printer jammed\nagain and again ')).resolves.toEqual({
      ticket: { number: 7, title: 'Printer jammed' },
    });
    expect(fake(CreateTicketService).createAs).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Printer jammed', requesterId: 'ct' }),
      { kind: 'contact', id: 'ct', name: 'Helpdesk agent' },
      'chat',
    );
  });

  it('refuses a disabled helpdesk agent (403) and an unconfirmed user (409) without creating anything', async () => {
    const { sut, fake } = newTestService(AgentChatTicketLinkService);
    fake(DeviceService).get.mockResolvedValueOnce(device({ helpdeskAgentEnabled: false }));
    await expect(sut.createFromDevice(principal, 'x')).rejects.toMatchObject({ status: 403 });
    fake(DeviceService).get.mockResolvedValueOnce(device({ contactId: null }));
    const error = await sut.createFromDevice(principal, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'IDENTITY_REQUIRED' });
    expect(fake(CreateTicketService).createAs).not.toHaveBeenCalled();
  });

  it('#13.6 the automatic ticket is assigned to the chat technician only while they serve the company', async () => {
    const { sut, fake } = newTestService(AgentChatTicketLinkService);
    const chat = {
      id: 'cv1',
      companyId: 'co1',
      contactId: 'ct',
      ticketId: null,
      meta: {
        acceptedAt: '2026-01-01T00:00:00Z',
        technician: { id: 'g1', name: 'Gary' },
        deviceName: 'PC',
        deviceId: 'd1',
      },
    } as never;
    fake(ConversationService).listMessages.mockResolvedValue([]);
    // The follow-up copy of later messages finds no linked ticket in this fake and stops.
    fake(ConversationService).get.mockResolvedValue(chat);
    fake(ConversationService).linkTicket.mockResolvedValue(undefined);
    fake(ConversationService).patchMeta.mockResolvedValue(chat);
    fake(ConversationService).postSystemMessage.mockResolvedValue(null);
    fake(ConversationService).languageOf.mockResolvedValue('fr');
    fake(AgentChatFlow).load.mockResolvedValue(chat);
    fake(AgentChatNotifier).updated.mockReturnValue(undefined);
    fake(AgentChatNotifier).toDevice.mockReturnValue(undefined);
    fake(AgentChatNotifier).deviceView.mockReturnValue({} as never);
    fake(CreateTicketService).createAs.mockResolvedValue({ id: 't1', number: 9, title: 'x' } as never);
    fake(TechnicianDirectory).serving.mockResolvedValue({
      serving: [],
      refused: [{ id: 'g1', message: "account g1 (Gary) does not serve the ticket's company" }],
    });
    await sut.autoTicket(chat);
    expect(fake(TechnicianDirectory).serving).toHaveBeenCalledWith('co1', ['g1']);
    expect(fake(CreateTicketService).createAs).toHaveBeenCalledWith(
      // Titled in the chat's language (#16).
      expect.objectContaining({ requesterId: 'ct', assigneeId: null, title: 'Nouveau ticket ouvert depuis le chat' }),
      { kind: 'account', id: 'g1', name: 'Gary' },
      'chat',
    );
  });
});
