import {
  REDACTED_SECRET,
  redactSettings,
  validateSettingFields,
  validateSettings,
  type SettingField,
} from './settings.js';

const fields: SettingField[] = [
  { key: 'apiKey', type: 'string', label: 'API key', required: true, pattern: '[a-z0-9-]+' },
  { key: 'maxItems', type: 'number', label: 'Max', min: 1, max: 100, default: 10 },
  { key: 'verbose', type: 'boolean', label: 'Verbose' },
  {
    key: 'mode',
    type: 'select',
    label: 'Mode',
    options: [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
    ],
  },
  { key: 'token', type: 'secret', label: 'Token', min: 4 },
];

describe('validateSettings', () => {
  it('accepts valid values and applies defaults', () => {
    expect(validateSettings(fields, { apiKey: 'key-1', verbose: true, mode: 'b', token: 'abcd' })).toEqual({
      valid: true,
      values: { apiKey: 'key-1', maxItems: 10, verbose: true, mode: 'b', token: 'abcd' },
      fieldErrors: {},
    });
  });

  it('reports every invalid field', () => {
    const result = validateSettings(fields, {
      apiKey: 'NOT OK',
      maxItems: 500,
      verbose: 'yes',
      mode: 'c',
      token: 'x',
      extra: 1,
    });
    expect(result.valid).toBe(false);
    expect(result.values).toEqual({});
    expect(result.fieldErrors).toEqual({
      apiKey: ['has an invalid format'],
      maxItems: ['must be at most 100'],
      verbose: ['must be a boolean'],
      mode: ['must be one of a, b'],
      token: ['must be at least 4 characters'],
      extra: ['is not a known setting'],
    });
  });

  it('treats missing, null and empty string as absent', () => {
    expect(validateSettings(fields, {}).fieldErrors).toEqual({ apiKey: ['is required'] });
    expect(validateSettings(fields, { apiKey: '' }).fieldErrors).toEqual({ apiKey: ['is required'] });
    expect(validateSettings(fields, { apiKey: null }).fieldErrors).toEqual({ apiKey: ['is required'] });
  });

  it('rejects numbers given as strings and non-finite numbers', () => {
    expect(validateSettings(fields, { apiKey: 'k', maxItems: '5' }).fieldErrors).toEqual({
      maxItems: ['must be a number'],
    });
    expect(validateSettings(fields, { apiKey: 'k', maxItems: Number.NaN }).fieldErrors).toEqual({
      maxItems: ['must be a number'],
    });
  });

  it('anchors patterns (no partial matches)', () => {
    expect(validateSettings([{ key: 'x', type: 'string', label: 'X', pattern: 'a|b' }], { x: 'ab' }).valid).toBe(false);
  });

  it('rejects non-object input', () => {
    expect(validateSettings(fields, [1]).valid).toBe(false);
    expect(validateSettings(fields, null).valid).toBe(false);
  });

  it('does not mutate its input', () => {
    const input = Object.freeze({ apiKey: 'k' });
    expect(() => validateSettings(fields, input)).not.toThrow();
  });
});

describe('validateSettingFields', () => {
  it('accepts a well-formed schema', () => {
    expect(validateSettingFields(fields)).toEqual([]);
  });

  it('finds schema mistakes', () => {
    const problems = validateSettingFields([
      { key: '1bad', type: 'string', label: 'x' },
      { key: 'dup', type: 'text', label: '' },
      { key: 'dup', type: 'select', label: 'y' },
      { key: 'n', type: 'number', label: 'n', min: 5, default: 1 },
      { key: 's', type: 'secret', label: 's', default: 'x' },
      { key: 'p', type: 'string', label: 'p', pattern: '(' },
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('settings[0].key'),
        expect.stringContaining('settings[1].type'),
        expect.stringContaining('settings[1].label'),
        expect.stringContaining('"dup" is declared twice'),
        expect.stringContaining('options is required for select'),
        expect.stringContaining('settings[3].default: must be at least 5'),
        expect.stringContaining('a secret cannot have a default'),
        expect.stringContaining('settings[5].pattern'),
      ]),
    );
  });
});

describe('redactSettings', () => {
  it('hides secrets only', () => {
    expect(redactSettings(fields, { apiKey: 'k', token: 'abcd' })).toEqual({ apiKey: 'k', token: REDACTED_SECRET });
  });
});
