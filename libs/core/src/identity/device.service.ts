import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AccountPrincipal, DevicePrincipal } from '../access/principal.js';
import { Clock } from '../clock/clock.js';
import { Page, PageQuery } from '../database/base.repository.js';
import { NotFoundError } from '../errors/not-found.error.js';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { DomainEventBus } from '../events/domain-event-bus.service.js';
import { newId } from '../ids/id.js';
import { AccessPolicy } from './access-policy.service.js';
import { AccessRevocations } from './access-revocations.service.js';
import { CompanyRepository } from './company.repository.js';
import { ContactRepository } from './contact.repository.js';
import { DeviceEntity } from './device.entity.js';
import { DeviceRepository } from './device.repository.js';
import { DeviceView, toDeviceView } from './identity.views.js';

export interface DeviceInput {
  companyId: string;
  name: string;
  os?: string;
  helpdeskAgentEnabled?: boolean;
  contactId?: string | null;
}

/** How stale `lastSeenAt` may be (the handshake only writes it when older). */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Device tokens are 256-bit random; a plain SHA-256 is enough to store them (no brute force possible). */
export const hashDeviceToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class DeviceService {
  constructor(
    private readonly devices: DeviceRepository,
    private readonly companies: CompanyRepository,
    private readonly contacts: ContactRepository,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
    private readonly events: DomainEventBus,
    private readonly revocations: AccessRevocations,
  ) {}

  /** Returns the token once; only its hash is kept. */
  async create(input: DeviceInput): Promise<{ device: DeviceView; token: string }> {
    if (!(await this.companies.findById(input.companyId))) {
      throw new ValidationFailedError('Unknown company', { companyId: [`company ${input.companyId} does not exist`] });
    }
    await this.checkContact(input.companyId, input.contactId);
    const token = DeviceService.newToken();
    const device = Object.assign(new DeviceEntity(), {
      id: newId(),
      companyId: input.companyId,
      name: input.name.trim(),
      os: input.os?.trim() ?? '',
      helpdeskAgentEnabled: input.helpdeskAgentEnabled ?? true,
      contactId: input.contactId ?? null,
      tokenHash: hashDeviceToken(token),
      lastSeenAt: null,
    });
    await this.devices.insert(device);
    await this.events.publish('device.created', { deviceId: device.id, companyId: device.companyId });
    return { device: toDeviceView((await this.devices.findById(device.id))!), token };
  }

  async get(id: string, viewer?: AccountPrincipal): Promise<DeviceView> {
    return toDeviceView(await this.load(id, viewer));
  }

  async list(query: PageQuery & { companyId?: string }, viewer?: AccountPrincipal): Promise<Page<DeviceView>> {
    let companyIds = viewer ? this.access.companyFilter(viewer) : undefined;
    if (query.companyId) companyIds = companyIds ? companyIds.filter((c) => c === query.companyId) : [query.companyId];
    const page = await this.devices.list({ ...query, companyIds });
    return { items: page.items.map(toDeviceView), nextCursor: page.nextCursor };
  }

  /** The devices a contact is assigned to (starting a chat from that contact's ticket). */
  async listForContact(contactId: string): Promise<DeviceView[]> {
    return (await this.devices.findByContact(contactId)).map(toDeviceView);
  }

  async update(id: string, input: Partial<DeviceInput>): Promise<DeviceView> {
    const device = await this.load(id);
    const moved = input.companyId !== undefined && input.companyId !== device.companyId;
    if (moved) {
      if (!(await this.companies.findById(input.companyId!)))
        throw new ValidationFailedError('Unknown company', {
          companyId: [`company ${input.companyId} does not exist`],
        });
      // The contact belongs to the old company: it goes unless the same request assigns a new one.
      if (input.contactId === undefined && device.contactId) input = { ...input, contactId: null };
      device.companyId = input.companyId!;
    }
    if (input.contactId !== undefined) await this.checkContact(device.companyId, input.contactId);
    if (input.name !== undefined) device.name = input.name.trim();
    if (input.os !== undefined) device.os = input.os.trim();
    if (input.helpdeskAgentEnabled !== undefined) device.helpdeskAgentEnabled = input.helpdeskAgentEnabled;
    if (input.contactId !== undefined) device.contactId = input.contactId;
    await this.devices.save(device);
    // Open agent sockets carry the old company in their principal: they reconnect with the new one.
    if (moved) await this.revocations.revoke({ kind: 'device-ended', deviceId: id, reason: 'moved' });
    return toDeviceView(device);
  }

  async rotateToken(id: string): Promise<{ device: DeviceView; token: string }> {
    const device = await this.load(id);
    const token = DeviceService.newToken();
    device.tokenHash = hashDeviceToken(token);
    await this.devices.save(device);
    // The old token's open sockets go too, not only its next handshake.
    await this.revocations.revoke({ kind: 'device-ended', deviceId: id, reason: 'token-rotated' });
    return { device: toDeviceView(device), token };
  }

  async remove(id: string): Promise<void> {
    if (!(await this.devices.deleteById(id))) throw new NotFoundError('Device', id);
    await this.revocations.revoke({ kind: 'device-ended', deviceId: id, reason: 'removed' });
  }

  async authenticate(token: string): Promise<DevicePrincipal | null> {
    if (!token || token.length > 200) return null;
    const device = await this.devices.findByTokenHash(hashDeviceToken(token));
    if (!device) return null;
    // "Last seen" to the minute is enough; a write per handshake would make a reconnect storm
    // (thousands of agents after a restart) a storm of database writes too.
    const now = this.clock.now();
    if (!device.lastSeenAt || now.getTime() - new Date(device.lastSeenAt).getTime() >= LAST_SEEN_RESOLUTION_MS)
      await this.devices.touch(device.id, now);
    return { kind: 'device', deviceId: device.id, companyId: device.companyId, contactId: device.contactId };
  }

  private async load(id: string, viewer?: AccountPrincipal): Promise<DeviceEntity> {
    const device = await this.devices.findById(id);
    if (!device || (viewer && !this.access.canAccessCompany(viewer, device.companyId)))
      throw new NotFoundError('Device', id);
    return device;
  }

  private async checkContact(companyId: string, contactId: string | null | undefined): Promise<void> {
    if (!contactId) return;
    const contact = await this.contacts.findById(contactId);
    if (!contact || contact.companyId !== companyId) {
      throw new ValidationFailedError('Unknown contact', {
        contactId: ["the contact must exist and belong to the device's company"],
      });
    }
  }

  private static newToken(): string {
    return `sbd_${randomBytes(32).toString('base64url')}`;
  }
}
