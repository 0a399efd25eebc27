import { Injectable } from '@nestjs/common';
import { forgetReads, inOpenReadScope, memoRead } from '../database/read-scope.js';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { DomainEventBus } from '../events/domain-event-bus.service.js';
import { CompanyService } from '../identity/company.service.js';
import { SettingRepository } from './setting.repository.js';
import { SettingDefinition, SettingKey, SettingsMap, SettingsRegistry } from './settings.registry.js';

export interface SettingView {
  key: string;
  description: string;
  type: SettingDefinition['type'];
  options?: readonly string[];
  min?: number;
  max?: number;
  integer?: boolean;
  scopes: readonly string[];
  default: unknown;
  value: unknown;
  source: 'default' | 'global' | 'company';
}

const scopeKeyOf = (companyId?: string | null) => (companyId ? `company:${companyId}` : 'global');

/**
 * Typed settings, resolved company → global → default. Read from the database every time: instances
 * share it. Inside a read scope (one inbound message) the rows of a scope are read once, all keys.
 */
@Injectable()
export class SettingsService {
  constructor(
    private readonly registry: SettingsRegistry,
    private readonly settings: SettingRepository,
    private readonly companies: CompanyService,
    private readonly events: DomainEventBus,
  ) {}

  async get<K extends SettingKey>(key: K, companyId?: string | null): Promise<SettingsMap[K]> {
    return (await this.resolve(this.registry.get(key), companyId)).value as SettingsMap[K];
  }

  /** Raw stored overrides of these keys in every scope (for caches that resolve synchronously). */
  async overrides(keys: string[]): Promise<{ scopeKey: string; key: string; value: unknown }[]> {
    return (await this.settings.findByKeys(keys)).map((r) => ({ scopeKey: r.scopeKey, key: r.key, value: r.value }));
  }

  async list(companyId?: string): Promise<SettingView[]> {
    if (companyId) await this.companies.get(companyId);
    const scopes = companyId ? ['global', scopeKeyOf(companyId)] : ['global'];
    const rows = await this.settings.find(scopes);
    return this.registry.all().map((d) =>
      this.view(
        d,
        rows.filter((r) => r.key === d.key),
        companyId,
      ),
    );
  }

  async describe(key: string, companyId?: string): Promise<SettingView> {
    if (companyId) await this.companies.get(companyId);
    return this.resolve(this.registry.get(key), companyId);
  }

  async set(key: string, value: unknown, companyId?: string): Promise<SettingView> {
    const definition = this.registry.get(key);
    this.assertScope(definition, companyId);
    if (companyId) await this.companies.get(companyId);
    this.registry.check(definition, value);
    if (definition.type === 'company' && value !== '') await this.assertCompany(definition, value as string);
    await this.settings.upsert(scopeKeyOf(companyId), key, value);
    forgetReads('settings:');
    await this.events.publish('setting.changed', {
      key,
      scope: companyId ? 'company' : 'global',
      companyId: companyId ?? null,
    });
    return this.resolve(definition, companyId);
  }

  async reset(key: string, companyId?: string): Promise<SettingView> {
    const definition = this.registry.get(key);
    this.assertScope(definition, companyId);
    await this.settings.remove(scopeKeyOf(companyId), key);
    forgetReads('settings:');
    await this.events.publish('setting.changed', {
      key,
      scope: companyId ? 'company' : 'global',
      companyId: companyId ?? null,
    });
    return this.resolve(definition, companyId);
  }

  /** A company reference must name a company that exists (a 400 naming the setting, not a silent miss later). */
  private async assertCompany(definition: SettingDefinition, id: string): Promise<void> {
    const found = await this.companies.get(id).then(
      () => true,
      () => false,
    );
    if (!found)
      throw new ValidationFailedError(`Invalid value for ${definition.key}: no company has the id "${id}"`, {
        value: [`no company has the id "${id}"`],
      });
  }

  private async resolve(definition: SettingDefinition, companyId?: string | null): Promise<SettingView> {
    const scopes = companyId ? ['global', scopeKeyOf(companyId)] : ['global'];
    // In a read scope every key of these scopes at once (the next get is then free), else this key only.
    const rows = inOpenReadScope()
      ? (await memoRead(`settings:${scopes.join(',')}`, () => this.settings.find(scopes))).filter(
          (r) => r.key === definition.key,
        )
      : await this.settings.find(scopes, [definition.key]);
    return this.view(definition, rows, companyId ?? undefined);
  }

  private view(d: SettingDefinition, rows: { scopeKey: string; value: unknown }[], companyId?: string): SettingView {
    const company = companyId ? rows.find((r) => r.scopeKey === scopeKeyOf(companyId)) : undefined;
    const global = rows.find((r) => r.scopeKey === 'global');
    const source = company ? 'company' : global ? 'global' : 'default';
    return {
      key: d.key,
      description: d.description,
      type: d.type,
      options: d.options,
      min: d.min,
      max: d.max,
      integer: d.integer,
      scopes: d.scopes,
      default: d.default,
      value: company ? company.value : global ? global.value : d.default,
      source,
    };
  }

  private assertScope(definition: SettingDefinition, companyId?: string): void {
    const scope = companyId ? 'company' : 'global';
    if (!definition.scopes.includes(scope)) {
      throw new ValidationFailedError(`${definition.key} cannot be set per ${scope}`, {
        companyId: [`${definition.key} is ${definition.scopes.join('/')} only`],
      });
    }
  }
}
