import { Test } from '@nestjs/testing';
import { detect, ENTITY_TYPES, mask, MaskingModule, MaskingService } from './index.js';

const TEXT =
  'card 4111 1111 1111 1111, mail bob@example.com, tel +33 6 12 34 56 78, SSN 123-45-6789, IBAN DE89370400440532013000';

describe('detect / mask', () => {
  it('finds every type with original offsets', () => {
    const ents = detect(TEXT);
    expect(ents.map((e) => e.type)).toEqual(['CREDIT_CARD', 'EMAIL', 'PHONE', 'US_SSN', 'IBAN']);
    for (const e of ents) expect(TEXT.slice(e.start, e.end)).toBe(e.value);
    expect(ENTITY_TYPES).toEqual(['CREDIT_CARD', 'IBAN', 'US_SSN', 'EMAIL', 'PHONE']);
  });

  it('honours the types option', () => {
    expect(detect(TEXT, { types: ['EMAIL'] }).map((e) => e.type)).toEqual(['EMAIL']);
    expect(detect(TEXT, { types: ['IBAN', 'US_SSN'] }).map((e) => e.type)).toEqual(['US_SSN', 'IBAN']);
    expect(detect(TEXT, { types: [] })).toEqual([]);
    expect(mask(TEXT, { types: ['PHONE'] }).text).toContain('4111 1111 1111 1111');
  });

  it('leaves text without PII untouched and handles empty input', () => {
    expect(mask('')).toEqual({ text: '', entities: [] });
    expect(mask('Bonjour, merci !').text).toBe('Bonjour, merci !');
  });

  it('is exposed through MaskingModule', async () => {
    const mod = await Test.createTestingModule({ imports: [MaskingModule] }).compile();
    const svc = mod.get(MaskingService);
    expect(svc.mask('melissa@gmail.com').text).toBe('m******@gmail.com');
    expect(svc.detect('melissa@gmail.com')).toHaveLength(1);
  });
});
