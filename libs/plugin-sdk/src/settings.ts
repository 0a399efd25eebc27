/** One field of a settings form (plugin settings or a channel instance's config). */
export type SettingFieldType = 'string' | 'number' | 'boolean' | 'select' | 'secret';

export interface SettingFieldOption {
  value: string;
  label: string;
}

export interface SettingField {
  key: string;
  type: SettingFieldType;
  label: string;
  description?: string;
  required?: boolean;
  default?: string | number | boolean;
  /** For `select`: the allowed values. */
  options?: SettingFieldOption[];
  /** For `number`: inclusive bounds. For `string`/`secret`: length bounds. */
  min?: number;
  max?: number;
  /** For `string`/`secret`: a regular expression (source text) the whole value must match. */
  pattern?: string;
  /**
   * SDK 1.2: an environment variable (`SWITCHBOARD_SMTP_PORT`) whose value, when set, is this
   * field's first-start default (the host reads it once, when it creates the installation; the
   * admin changes the setting afterwards). Converted by type: numbers parsed, booleans
   * `true`/`false`/`1`/`0`, strings as is (a secret may be given this way).
   */
  env?: string;
}

export type SettingValue = string | number | boolean;
export type SettingsValues = Record<string, SettingValue>;

export interface SettingsValidationResult {
  valid: boolean;
  /** Normalised values: only declared keys, defaults applied. Meaningful when `valid`. */
  values: SettingsValues;
  fieldErrors: Record<string, string[]>;
}

const KEY = /^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/;
const ENV_NAME = /^[A-Z][A-Z0-9_]{0,127}$/;
const TYPES: readonly SettingFieldType[] = ['string', 'number', 'boolean', 'select', 'secret'];

/** Problems in a settings schema itself (used by definePlugin and the host). Empty when fine. */
export function validateSettingFields(fields: unknown, path = 'settings'): string[] {
  if (fields === undefined) return [];
  if (!Array.isArray(fields)) return [`${path} must be an array`];
  const problems: string[] = [];
  const seen = new Set<string>();
  fields.forEach((raw, i) => {
    const at = `${path}[${i}]`;
    if (typeof raw !== 'object' || raw === null) return void problems.push(`${at} must be an object`);
    const f = raw as Partial<SettingField>;
    if (typeof f.key !== 'string' || !KEY.test(f.key)) problems.push(`${at}.key must match ${KEY.source}`);
    else if (seen.has(f.key)) problems.push(`${at}.key "${f.key}" is declared twice`);
    else seen.add(f.key);
    if (!TYPES.includes(f.type as SettingFieldType)) problems.push(`${at}.type must be one of ${TYPES.join(', ')}`);
    if (typeof f.label !== 'string' || f.label.trim() === '') problems.push(`${at}.label is required`);
    if (f.type === 'select' && (!Array.isArray(f.options) || f.options.length === 0))
      problems.push(`${at}.options is required for select`);
    if (
      f.options !== undefined &&
      (!Array.isArray(f.options) || f.options.some((o) => typeof o?.value !== 'string' || typeof o?.label !== 'string'))
    ) {
      problems.push(`${at}.options must be { value: string, label: string }[]`);
    }
    for (const bound of ['min', 'max'] as const) {
      if (f[bound] !== undefined && (typeof f[bound] !== 'number' || !Number.isFinite(f[bound])))
        problems.push(`${at}.${bound} must be a finite number`);
    }
    if (f.pattern !== undefined) {
      try {
        new RegExp(String(f.pattern));
      } catch {
        problems.push(`${at}.pattern is not a valid regular expression`);
      }
    }
    if (f.default !== undefined && typeof f.key === 'string' && TYPES.includes(f.type as SettingFieldType)) {
      const errors = checkValue(f as SettingField, f.default);
      if (errors.length) problems.push(`${at}.default: ${errors.join(', ')}`);
    }
    if (f.type === 'secret' && f.default !== undefined) problems.push(`${at}: a secret cannot have a default`);
    if (f.env !== undefined && (typeof f.env !== 'string' || !ENV_NAME.test(f.env)))
      problems.push(`${at}.env must be an environment variable name (${ENV_NAME.source})`);
  });
  return problems;
}

function checkValue(field: SettingField, value: unknown): string[] {
  switch (field.type) {
    case 'string':
    case 'secret': {
      if (typeof value !== 'string') return ['must be a string'];
      const errors: string[] = [];
      if (field.min !== undefined && value.length < field.min) errors.push(`must be at least ${field.min} characters`);
      if (field.max !== undefined && value.length > field.max) errors.push(`must be at most ${field.max} characters`);
      if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`).test(value))
        errors.push('has an invalid format');
      return errors;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return ['must be a number'];
      const errors: string[] = [];
      if (field.min !== undefined && value < field.min) errors.push(`must be at least ${field.min}`);
      if (field.max !== undefined && value > field.max) errors.push(`must be at most ${field.max}`);
      return errors;
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : ['must be a boolean'];
    case 'select':
      return typeof value === 'string' && (field.options ?? []).some((o) => o.value === value)
        ? []
        : [`must be one of ${(field.options ?? []).map((o) => o.value).join(', ')}`];
  }
}

/**
 * Validate submitted values against a schema. Pure: no I/O, no mutation. Unknown keys are
 * errors (a typo must not silently fall back to a default); empty strings count as missing.
 */
export function validateSettings(fields: readonly SettingField[], values: unknown): SettingsValidationResult {
  const fieldErrors: Record<string, string[]> = {};
  const out: SettingsValues = {};
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return { valid: false, values: {}, fieldErrors: { _: ['settings must be an object'] } };
  }
  const input = values as Record<string, unknown>;
  const declared = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(input)) {
    if (!declared.has(key)) fieldErrors[key] = ['is not a known setting'];
  }
  for (const field of fields) {
    const raw = input[field.key];
    const missing = raw === undefined || raw === null || raw === '';
    if (missing) {
      if (field.default !== undefined) out[field.key] = field.default;
      else if (field.required) fieldErrors[field.key] = ['is required'];
      continue;
    }
    const errors = checkValue(field, raw);
    if (errors.length) fieldErrors[field.key] = errors;
    else out[field.key] = raw as SettingValue;
  }
  const valid = Object.keys(fieldErrors).length === 0;
  return { valid, values: valid ? out : {}, fieldErrors };
}

/** What admin views show instead of a stored secret; submitting it back keeps the stored value. */
export const REDACTED_SECRET = '********';

/** Values with every secret field replaced by REDACTED_SECRET (when set). */
export function redactSettings(fields: readonly SettingField[], values: SettingsValues): SettingsValues {
  const out: SettingsValues = { ...values };
  for (const f of fields) if (f.type === 'secret' && out[f.key] !== undefined) out[f.key] = REDACTED_SECRET;
  return out;
}

/**
 * SDK 1.2: first-start values of a schema: each field's `default`, overridden by its `env`
 * variable when that is set (converted by the field's type). Shared by the real and the fake host.
 * An environment value that does not convert is reported in `problems` and left out.
 */
export function initialSettings(
  fields: readonly SettingField[],
  env: Record<string, string | undefined> = {},
): { values: SettingsValues; problems: string[] } {
  const values: SettingsValues = {};
  const problems: string[] = [];
  for (const field of fields) {
    if (field.default !== undefined) values[field.key] = field.default;
    const raw = field.env ? env[field.env] : undefined;
    if (raw === undefined || raw.trim() === '') continue;
    let value: SettingValue | undefined = raw.trim();
    if (field.type === 'number') value = /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : undefined;
    else if (field.type === 'boolean')
      value = /^(true|1)$/i.test(raw.trim()) ? true : /^(false|0)$/i.test(raw.trim()) ? false : undefined;
    const errors = value === undefined ? [`must be a ${field.type}`] : checkValue(field, value);
    if (errors.length) problems.push(`${field.env} (${field.key}) ${errors.join(', ')}`);
    else values[field.key] = value!;
  }
  return { values, problems };
}
