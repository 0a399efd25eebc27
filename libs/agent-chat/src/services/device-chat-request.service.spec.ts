import { Clock, ContactService, DeviceService, FakeClock, TechnicianDirectory } from '@switchboard/core';
import { ConversationService } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { ChatOfferRepository } from '../repositories/chat-offer.repository.js';
import { AgentChatNotifier } from './agent-chat-notifier.service.js';
import { DeviceChatPolicy } from './device-chat-policy.service.js';
import { DeviceChatRequestService } from './device-chat-request.service.js';

const AT = Date.UTC(2026, 0, 1);
const device = { id: 'd1', name: 'PC-1', os: 'Linux', companyId: 'c1', contactId: 'k1', helpdeskAgentEnabled: true };

function setup() {
  const t = newTestService(DeviceChatRequestService, { types: [[Clock, new FakeClock(AT)]] });
  t.fake(DeviceChatPolicy).assertChannelEnabled.mockReturnValue(undefined);
  t.fake(DeviceChatPolicy).assertMayStart.mockResolvedValue(undefined);
  t.fake(DeviceService).get.mockResolvedValue(device as never);
  t.fake(ConversationService).listForInstance.mockResolvedValue([]);
  t.fake(DeviceChatPolicy).busyText.mockResolvedValue('Chat occupé');
  return t;
}

describe('DeviceChatRequestService', () => {
  it('nobody available: "busy", nothing started', async () => {
    const { sut, fake } = setup();
    fake(TechnicianDirectory).list.mockResolvedValue([]);
    await expect(sut.request({ deviceId: 'd1' } as never)).resolves.toEqual({
      status: 'busy',
      chat: null,
      message: 'Chat occupé',
    });
    expect(fake(ConversationService).start).not.toHaveBeenCalled();
  });

  it('an open chat is returned again (a reconnecting agent never gets a second one)', async () => {
    const { sut, fake } = setup();
    const open = { id: 'v1', status: 'waiting', meta: { deviceId: 'd1', contactName: 'Ann' }, companyId: 'c1' };
    fake(ConversationService).listForInstance.mockResolvedValue([open] as never);
    const result = await sut.request({ deviceId: 'd1' } as never);
    expect(result.status).toBe('waiting');
    expect(result.chat?.id).toBe('v1');
    expect(fake(TechnicianDirectory).list).not.toHaveBeenCalled();
  });

  it('starts the chat with its accept deadline in the same write and offers it to every available technician', async () => {
    const { sut, fake } = setup();
    fake(TechnicianDirectory).list.mockResolvedValue([{ id: 'a1' }, { id: 'a2' }] as never);
    fake(ContactService).getMany.mockResolvedValue([{ id: 'k1', firstName: 'Ann', lastName: 'Lee' }] as never);
    const started = { id: 'v2', status: 'waiting', meta: { deviceId: 'd1', contactName: 'Ann Lee' }, companyId: 'c1' };
    fake(ConversationService).start.mockResolvedValue(started as never);
    fake(ChatOfferRepository).insertMany.mockResolvedValue(undefined as never);
    fake(AgentChatNotifier).incoming.mockResolvedValue(undefined as never);
    const result = await sut.request({ deviceId: 'd1' } as never);
    expect(result).toMatchObject({ status: 'waiting', chat: { id: 'v2' } });
    const input = fake(ConversationService).start.mock.calls[0][0] as { deadlines: unknown[]; contactId: string };
    expect(input.contactId).toBe('k1');
    expect(input.deadlines).toHaveLength(1);
    const offers = fake(ChatOfferRepository).insertMany.mock.calls[0][0] as Array<{ accountId: string; state: string }>;
    expect(offers.map((o) => [o.accountId, o.state])).toEqual([
      ['a1', 'offered'],
      ['a2', 'offered'],
    ]);
    expect(fake(AgentChatNotifier).incoming).toHaveBeenCalledWith(started, ['a1', 'a2']);
  });

  it('a device without a confirmed identity must confirm first (409)', async () => {
    const { sut, fake } = setup();
    fake(DeviceService).get.mockResolvedValue({ ...device, contactId: null } as never);
    await expect(sut.request({ deviceId: 'd1' } as never)).rejects.toMatchObject({
      code: 'IDENTITY_REQUIRED',
      status: 409,
    });
  });
});
