import { DeviceService, DomainError } from '@switchboard/core';
import { CreateTicketService } from '@switchboard/tickets';
import { newTestService } from '@switchboard/testing';
import { AgentChatTicketLinkService } from './agent-chat-ticket-link.service.js';

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
});
