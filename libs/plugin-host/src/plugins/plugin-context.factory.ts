import { Injectable, Logger, Optional } from '@nestjs/common';
import {
  createCheckedContext,
  hasPermission,
  type CheckedContext,
  type JsonValue,
  type PluginBackend,
  type PluginDefinition,
  type RawContact,
  type SettingsValues,
} from '@switchboard/plugin-sdk';
import {
  DomainError,
  DomainEventBus,
  type DomainEventName,
  ContactService,
  type ContactView,
  PiiMasker,
  ChannelInboundService,
} from '@switchboard/core';
import { ExtensionPointBinder } from './extension-point.binder.js';
import { PluginHttpClient } from './plugin-http.client.js';
import { PluginKvRepository } from './plugin-kv.repository.js';

export interface PluginContextHooks {
  onHandlerError(error: unknown, where: string): void;
}

const toRaw = (c: ContactView): RawContact => ({
  id: c.id,
  companyId: c.companyId,
  firstName: c.firstName,
  lastName: c.lastName,
  email: c.email,
  phone: c.phone,
  createdAt: c.createdAt,
});

/**
 * Implements the SDK's raw ports over the core's services for one plugin, then lets the SDK wrap
 * them with the permission checks. The host adds no checks of its own, so the fake host in the
 * testing kit enforces exactly the same rules.
 */
@Injectable()
export class PluginContextFactory {
  constructor(
    private readonly kv: PluginKvRepository,
    private readonly contacts: ContactService,
    private readonly events: DomainEventBus,
    private readonly http: PluginHttpClient,
    private readonly inbound: ChannelInboundService,
    private readonly points: ExtensionPointBinder,
    @Optional() private readonly masker?: PiiMasker,
  ) {}

  create(
    definition: PluginDefinition,
    granted: string[],
    settings: SettingsValues,
    hooks: PluginContextHooks,
  ): CheckedContext {
    const { id, version } = definition.manifest;
    const logger = new Logger(`plugin:${id}`);
    // Masking happens here, before data crosses into the SDK layer (createCheckedContext stays pure,
    // shared with the fake host). Event payloads are always masked (display and ingest modes);
    // contacts keep their identity fields in clear only for plugins granted `contacts.pii.read`.
    const mask = <T>(value: T): T => (this.masker ? this.masker.maskPayload(value) : value);
    const piiGranted = hasPermission(granted, 'contacts.pii.read');
    const contact = (c: ContactView): RawContact => (piiGranted ? toRaw(c) : mask(toRaw(c)));
    const backend: PluginBackend = {
      logger: {
        debug: (message, data) => logger.debug(data ? { msg: message, ...data } : message),
        info: (message, data) => logger.log(data ? { msg: message, ...data } : message),
        warn: (message, data) => logger.warn(data ? { msg: message, ...data } : message),
        error: (message, data) => logger.error(data ? { msg: message, ...data } : message),
      },
      kv: {
        get: async (key) => {
          const text = await this.kv.get(id, key);
          return text === null ? null : (JSON.parse(text) as JsonValue);
        },
        set: (key, value) => this.kv.set(id, key, JSON.stringify(value)),
        delete: (key) => this.kv.remove(id, key),
        list: async (prefix) =>
          (await this.kv.list(id, prefix)).map((e) => ({ key: e.key, value: JSON.parse(e.value) as JsonValue })),
      },
      http: { fetch: (url, init) => this.http.fetch(url, init) },
      contacts: {
        get: async (contactId) => {
          try {
            return contact(await this.contacts.get(contactId));
          } catch (error) {
            if ((error as { code?: string }).code === 'NOT_FOUND') return null;
            throw error;
          }
        },
        list: async (query) =>
          (await this.contacts.list({ companyId: query.companyId, limit: query.limit })).map(contact),
        create: async (input) => contact(await this.contacts.create({ ...input, phone: input.phone ?? null })),
      },
      inbound: {
        receive: (message, options) => {
          const channel = definition.channel?.type;
          if (!channel) throw new DomainError('PLUGIN_NOT_A_CHANNEL', `Plugin ${id} declares no channel adapter`, 400);
          return this.inbound.receive(id, channel, message, options.instanceId ?? null);
        },
      },
      ai: { complete: (request, options) => this.points.complete(request, options.signal) },
      provide: (point, implementation) => this.points.provide(id, point, implementation),
      subscribe: (name, handler) => this.events.subscribe(name as DomainEventName, (payload) => handler(mask(payload))),
    };
    return createCheckedContext({
      plugin: { id, version },
      permissions: granted,
      settings,
      backend,
      onHandlerError: hooks.onHandlerError,
    });
  }
}
