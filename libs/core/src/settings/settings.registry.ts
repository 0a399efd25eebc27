import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../identity/language.js';

export type SettingScope = 'global' | 'company';

/**
 * Known settings and their value types. Libs add theirs by declaration merging:
 * `declare module '@switchboard/core' { interface SettingsMap { 'masking.mode': ... } }`.
 */
export interface SettingsMap {
  'chat.enabled': boolean;
  'tickets.defaultReplyType': 'public' | 'internal';
  /** PII masking (defined by the masking library): off, display (shown masked to technicians), ingest (stored masked). */
  'masking.mode': 'off' | 'display' | 'ingest';
  /** Entity types masked (subset of the masking library's types); default all. */
  'masking.types': string[];
  /** The language of mails and automatic texts for a company's contacts who have none of their own. */
  'locale.default': Language;
}
export type SettingKey = keyof SettingsMap & string;

export interface SettingDefinition<K extends SettingKey = SettingKey> {
  key: K;
  description: string;
  /** `list`: an array of distinct strings, each one of `options`; `company`: a company id, or empty for none. */
  type: 'boolean' | 'string' | 'number' | 'enum' | 'list' | 'company';
  options?: readonly string[];
  /** `number`: bounds (inclusive) and whole numbers only, checked on every write. */
  min?: number;
  max?: number;
  integer?: boolean;
  scopes: readonly SettingScope[];
  default: SettingsMap[K];
}

/** Every setting the admin API accepts; an unknown key or a value of the wrong type is a 400. */
@Injectable()
export class SettingsRegistry {
  private readonly definitions = new Map<string, SettingDefinition>();

  constructor() {
    this.define({
      key: 'chat.enabled',
      description: 'End users may start chats from the helpdesk agent',
      type: 'boolean',
      scopes: ['global', 'company'],
      default: false,
    });
    this.define({
      key: 'tickets.defaultReplyType',
      description: 'Default type of a technician reply on a ticket',
      type: 'enum',
      options: ['public', 'internal'],
      scopes: ['global', 'company'],
      default: 'public',
    });
    this.define({
      key: 'locale.default',
      description:
        'Language of mails and automatic texts (chat system lines, automatic ticket titles) for contacts who have no language of their own',
      type: 'enum',
      options: LANGUAGES,
      scopes: ['global', 'company'],
      default: DEFAULT_LANGUAGE,
    });
  }

  define<K extends SettingKey>(definition: SettingDefinition<K>): void {
    if (this.definitions.has(definition.key)) throw new Error(`Setting ${definition.key} is defined twice`);
    this.definitions.set(definition.key, definition as unknown as SettingDefinition);
  }

  get(key: string): SettingDefinition {
    const d = this.definitions.get(key);
    if (!d)
      throw new ValidationFailedError(`Unknown setting "${key}"`, {
        key: [`unknown setting; known: ${[...this.definitions.keys()].join(', ')}`],
      });
    return d;
  }

  all(): SettingDefinition[] {
    return [...this.definitions.values()];
  }

  check(definition: SettingDefinition, value: unknown): void {
    const ok =
      definition.type === 'boolean'
        ? typeof value === 'boolean'
        : definition.type === 'number'
          ? typeof value === 'number' &&
            Number.isFinite(value) &&
            (!definition.integer || Number.isInteger(value)) &&
            (definition.min === undefined || value >= definition.min) &&
            (definition.max === undefined || value <= definition.max)
          : definition.type === 'string'
            ? typeof value === 'string' && value.length <= 10_000
            : definition.type === 'company'
              ? typeof value === 'string' && value.length <= 64
              : definition.type === 'list'
                ? Array.isArray(value) &&
                  value.every((v) => typeof v === 'string' && !!definition.options?.includes(v)) &&
                  new Set(value).size === value.length
                : typeof value === 'string' && !!definition.options?.includes(value);
    if (!ok) {
      const expected =
        definition.type === 'enum'
          ? `one of: ${definition.options?.join(', ')}`
          : definition.type === 'list'
            ? `a list of distinct values among: ${definition.options?.join(', ')}`
            : definition.type === 'number'
              ? numberExpectation(definition)
              : definition.type === 'company'
                ? 'a company id (empty for none)'
                : `a ${definition.type}`;
      throw new ValidationFailedError(`Invalid value for ${definition.key}: expected ${expected}`, {
        value: [`must be ${expected}`],
      });
    }
  }
}

function numberExpectation(d: SettingDefinition): string {
  const kind = d.integer ? 'a whole number' : 'a number';
  if (d.min !== undefined && d.max !== undefined) return `${kind} from ${d.min} to ${d.max}`;
  if (d.min !== undefined) return `${kind} of at least ${d.min}`;
  if (d.max !== undefined) return `${kind} of at most ${d.max}`;
  return kind;
}
