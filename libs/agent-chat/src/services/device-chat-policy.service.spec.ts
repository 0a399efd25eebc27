import { AGENT_CHAT_BUSY_LINE } from '@switchboard/contracts';
import { ContactLanguageService, ContactService, SettingsService, type DeviceView } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { AgentChannel } from './agent-channel.service.js';
import { DeviceChatPolicy } from './device-chat-policy.service.js';

const device = (over: Partial<DeviceView> = {}) =>
  ({ id: 'd1', companyId: 'c1', helpdeskAgentEnabled: true, ...over }) as DeviceView;

describe('DeviceChatPolicy', () => {
  it('chat is enabled only with the channel plugin on and the company setting on', async () => {
    const { sut, fake } = newTestService(DeviceChatPolicy);
    fake(AgentChannel).enabled.mockReturnValue(false);
    await expect(sut.chatEnabled('c1')).resolves.toBe(false);
    expect(fake(SettingsService).get).not.toHaveBeenCalled();
    fake(AgentChannel).enabled.mockReturnValue(true);
    fake(SettingsService).get.mockResolvedValue(true as never);
    await expect(sut.chatEnabled('c1')).resolves.toBe(true);
    expect(fake(SettingsService).get).toHaveBeenCalledWith('chat.enabled', 'c1');
  });

  it('refuses a device without the helpdesk agent (403) before reading settings', async () => {
    const { sut, fake } = newTestService(DeviceChatPolicy);
    await expect(sut.assertMayStart(device({ helpdeskAgentEnabled: false }))).rejects.toMatchObject({ status: 403 });
    expect(fake(SettingsService).get).not.toHaveBeenCalled();
  });

  it('refuses a company with chat disabled (CHAT_DISABLED, 403)', async () => {
    const { sut, fake } = newTestService(DeviceChatPolicy);
    fake(SettingsService).get.mockResolvedValue(false as never);
    await expect(sut.assertMayStart(device())).rejects.toMatchObject({ code: 'CHAT_DISABLED', status: 403 });
    fake(SettingsService).get.mockResolvedValue(true as never);
    await expect(sut.assertMayStart(device())).resolves.toBeUndefined();
  });

  it("says busy in the device contact's language, else the company's", async () => {
    const { sut, fake } = newTestService(DeviceChatPolicy);
    fake(ContactService).getMany.mockResolvedValue([{ id: 'k1', companyId: 'c1', language: 'fr' }] as never);
    fake(ContactLanguageService).forContact.mockImplementation(async (c) => (c?.language === 'fr' ? 'fr' : 'en'));
    await expect(sut.busyText(device({ contactId: 'k1' }))).resolves.toBe(AGENT_CHAT_BUSY_LINE.fr);
    await expect(sut.busyText(device({ contactId: null }))).resolves.toBe(AGENT_CHAT_BUSY_LINE.en);
    expect(fake(ContactService).getMany).toHaveBeenCalledTimes(1);
  });
});
