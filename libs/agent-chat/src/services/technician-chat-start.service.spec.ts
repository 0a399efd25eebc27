import { Clock, DeviceService, FakeClock, RealtimeService, ValidationFailedError } from '@switchboard/core';
import { ConversationService, type StartConversationInput } from '@switchboard/chat';
import { newTestService } from '@switchboard/testing';
import { AgentChannel } from './agent-channel.service.js';
import { AgentChatNotifier } from './agent-chat-notifier.service.js';
import { TechnicianChatStartService } from './technician-chat-start.service.js';

const NOW = Date.UTC(2026, 0, 1);
const me = { id: 'a1', name: 'Ada' } as never;
const device = { id: 'd1', name: 'PC-42', os: 'windows', companyId: 'co', contactId: null, helpdeskAgentEnabled: true };

describe('TechnicianChatStartService', () => {
  function build() {
    const t = newTestService(TechnicianChatStartService, { types: [[Clock, new FakeClock(NOW)]] });
    t.fake(AgentChannel).assertEnabled.mockReturnValue(undefined);
    t.fake(DeviceService).get.mockResolvedValue(device as never);
    return t;
  }

  it('says which device or ticket is missing before any lookup', async () => {
    const { sut, fake } = build();
    await expect(sut.start(me, {})).rejects.toBeInstanceOf(ValidationFailedError);
    expect(fake(DeviceService).get).not.toHaveBeenCalled();
  });

  it("a device in another technician's chat is a 409 naming them", async () => {
    const { sut, fake } = build();
    fake(ConversationService).listForInstance.mockResolvedValue([
      { id: 'c0', meta: { technician: { id: 'b2', name: 'Bob' } } } as never,
    ]);
    await expect(sut.start(me, { deviceId: 'd1' })).rejects.toThrow('PC-42 is already in a chat with Bob');
  });

  it('an offline helpdesk agent is a clear 409 and nothing is started', async () => {
    const { sut, fake } = build();
    fake(ConversationService).listForInstance.mockResolvedValue([]);
    fake(RealtimeService).roomSize.mockResolvedValue(0);
    await expect(sut.start(me, { deviceId: 'd1' })).rejects.toMatchObject({ code: 'DEVICE_OFFLINE', status: 409 });
    expect(fake(ConversationService).start).not.toHaveBeenCalled();
  });

  it('starts a waiting request with its accept deadline in the start itself, then asks the device', async () => {
    const { sut, fake } = build();
    fake(ConversationService).listForInstance.mockResolvedValue([]);
    fake(RealtimeService).roomSize.mockResolvedValue(1);
    fake(ConversationService).start.mockImplementation(
      async (input: StartConversationInput) =>
        ({ id: 'c1', status: 'waiting', channel: 'agent', meta: input.meta, ticketId: null }) as never,
    );
    fake(AgentChatNotifier).deviceView.mockReturnValue({} as never);
    fake(AgentChatNotifier).toDevice.mockReturnValue(undefined);
    fake(AgentChatNotifier).updated.mockReturnValue(undefined);
    const out = await sut.start(me, { deviceId: 'd1' });
    expect(out.existing).toBe(false);
    expect(fake(ConversationService).start).toHaveBeenCalledWith(
      expect.objectContaining({
        status: 'waiting',
        deadlines: [{ kind: 'agent-chat.accept', dueAt: new Date(NOW + 2 * 60_000) }],
      }),
    );
    expect(fake(AgentChatNotifier).toDevice).toHaveBeenCalledWith('d1', 'chat.requested', expect.anything());
  });
});
