import { Injectable, Logger } from '@nestjs/common';
import {
  createCheckedContext,
  type CheckedContext,
  type JsonValue,
  type PluginBackend,
  type PluginDefinition,
  type RawContact,
  type SettingsValues,
} from '@switchboard/plugin-sdk';
import { DomainEventBus, type DomainEventName } from '../events/domain-event-bus.service.js';
import { ContactService } from '../identity/contact.service.js';
import type { ContactView } from '../identity/identity.views.js';
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
  ) {}

  create(definition: PluginDefinition, granted: string[], settings: SettingsValues, hooks: PluginContextHooks): CheckedContext {
    const { id, version } = definition.manifest;
    const logger = new Logger(`plugin:${id}`);
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
        list: async (prefix) => (await this.kv.list(id, prefix)).map((e) => ({ key: e.key, value: JSON.parse(e.value) as JsonValue })),
      },
      http: { fetch: (url, init) => this.http.fetch(url, init) },
      contacts: {
        get: async (contactId) => {
          try {
            return toRaw(await this.contacts.get(contactId));
          } catch (error) {
            if ((error as { code?: string }).code === 'NOT_FOUND') return null;
            throw error;
          }
        },
        list: async (query) => (await this.contacts.list({ companyId: query.companyId, limit: query.limit })).map(toRaw),
        create: async (input) => toRaw(await this.contacts.create({ ...input, phone: input.phone ?? null })),
      },
      subscribe: (name, handler) => this.events.subscribe(name as DomainEventName, (payload) => handler(payload)),
    };
    return createCheckedContext({ plugin: { id, version }, permissions: granted, settings, backend, onHandlerError: hooks.onHandlerError });
  }
}
