import { Injectable } from '@nestjs/common';
import { AGENT_CHAT_BUSY_LINE } from '@switchboard/contracts';
import {
  ContactLanguageService,
  ContactService,
  DomainError,
  ForbiddenError,
  SettingsService,
  type DeviceView,
} from '@switchboard/core';
import { AgentChannel } from './agent-channel.service.js';

/** Whether the person at a device may chat: the channel plugin, the company's setting, the device's agent. */
@Injectable()
export class DeviceChatPolicy {
  constructor(
    private readonly channel: AgentChannel,
    private readonly settings: SettingsService,
    private readonly contacts: ContactService,
    private readonly languages: ContactLanguageService,
  ) {}

  /** "Chat busy…" in the language of the device's contact, else of its company (#16). */
  async busyText(device: DeviceView): Promise<string> {
    const [contact] = device.contactId ? await this.contacts.getMany([device.contactId]) : [];
    return AGENT_CHAT_BUSY_LINE[await this.languages.forContact(contact ?? null, device.companyId)];
  }

  assertChannelEnabled(): void {
    this.channel.assertEnabled();
  }

  async chatEnabled(companyId: string): Promise<boolean> {
    return this.channel.enabled() && (await this.settings.get('chat.enabled', companyId));
  }

  /** Enable chat (company) and the helpdesk agent (device): both needed for a user to start. */
  async assertMayStart(device: DeviceView): Promise<void> {
    if (!device.helpdeskAgentEnabled) throw new ForbiddenError('The helpdesk agent is disabled on this device');
    if (!(await this.settings.get('chat.enabled', device.companyId)))
      throw new DomainError('CHAT_DISABLED', 'Chat is not enabled for your organisation', 403);
  }
}
