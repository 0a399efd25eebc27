import 'reflect-metadata';
import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import {
  Allow,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  validate,
} from 'class-validator';
import fc from 'fast-check';
import { DtoPrecheck } from './dto-precheck.js';
import { VALIDATOR_OPTIONS } from './validate-dto.js';

class SendDto {
  @IsUUID() conversationId: string;
  @IsString() @Length(1, 64) clientId: string;
  @IsString() @Length(1, 10_000) body: string;
}
class JoinDto {
  @IsUUID() conversationId: string;
  @IsOptional() @IsInt() @Min(0) afterSeq?: number;
}
class MixedDto {
  @IsBoolean() typing: boolean;
  @IsOptional() @IsIn(['a', 'b']) kind?: string;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @Matches(/^[a-z]+$/) @MaxLength(5) slug?: string;
  @IsOptional() @IsInt() @Max(3) level?: number;
}
class TypedDto {
  @IsOptional() @Type(() => Number) @IsInt() limit?: number;
}
class NestedDto {
  @ValidateNested() @Type(() => JoinDto) inner: JoinDto;
}
class AllowDto {
  @Allow() anything: unknown;
}
class InitialisedDto {
  @IsOptional() @IsString() name?: string;
  undeclared = 1;
}

/** What the full path (plainToInstance + validate, the behaviour to preserve) says. */
async function full<T extends object>(
  cls: new () => T,
  input: Record<string, unknown>,
): Promise<{ valid: boolean; instance: T }> {
  const instance = plainToInstance(cls, input);
  return { valid: (await validate(instance, VALIDATOR_OPTIONS)).length === 0, instance };
}

const value = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 70 }),
  fc.constantFrom(
    '',
    ' ',
    'a',
    'b',
    'abc',
    'ABC',
    'x@example.com',
    'not an email',
    'a'.repeat(65),
    'a'.repeat(10_001),
    '-1',
    '3',
    '\ud83d\ude00'.repeat(40),
  ),
  fc.integer({ min: -5, max: 5 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ nested: true }),
  fc.constant([1]),
);

/**
 * Every payload the precheck accepts, the full path accepts too, with an equal instance.
 * Payloads are a valid one with random edits (a key set to a random value, removed or added),
 * so both outcomes are common.
 */
export async function expectAgreement(
  cls: new () => object,
  valid: Record<string, unknown>,
  runs = 300,
): Promise<number> {
  const precheck = new DtoPrecheck();
  const keys = [...Object.keys(valid), 'extra', '__proto__', 'constructor'];
  const edit = fc.oneof(
    fc.tuple(fc.constant('set' as const), fc.constantFrom(...keys), value),
    fc.tuple(fc.constant('delete' as const), fc.constantFrom(...keys), fc.constant(null)),
  );
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { maxLength: 3 }), async (edits) => {
      const input: Record<string, unknown> = { ...valid };
      for (const [op, key, v] of edits) {
        if (op === 'delete') delete input[key];
        else Object.defineProperty(input, key, { value: v, enumerable: true, writable: true, configurable: true });
      }
      const fast = precheck.run(cls, input);
      if (!fast) return;
      accepted++;
      const reference = await full(cls, input);
      expect(reference.valid).toBe(true);
      expect(Object.getPrototypeOf(fast)).toBe(cls.prototype);
      expect({ ...fast }).toEqual({ ...reference.instance });
    }),
    { numRuns: runs },
  );
  return accepted;
}

describe('DtoPrecheck', () => {
  const precheck = new DtoPrecheck();

  it('accepts valid flat payloads with the instance the full path would build', async () => {
    const payload = { conversationId: '0192d4b4-2c36-7d6a-9d4e-7a1f2b3c4d5e', clientId: 'c-1', body: 'Hello' };
    const fast = precheck.run(SendDto, payload);
    expect(fast).toBeInstanceOf(SendDto);
    expect({ ...fast }).toEqual({ ...(await full(SendDto, payload)).instance });
    expect(precheck.run(JoinDto, { conversationId: payload.conversationId })).toBeInstanceOf(JoinDto);
    expect(precheck.run(JoinDto, { conversationId: payload.conversationId, afterSeq: null })).toBeInstanceOf(JoinDto);
  });

  it('leaves every failing payload to the full path (which names the errors)', () => {
    expect(precheck.run(SendDto, { conversationId: 'nope', clientId: 'c', body: 'x' })).toBeNull();
    expect(
      precheck.run(SendDto, { conversationId: '0192d4b4-2c36-7d6a-9d4e-7a1f2b3c4d5e', clientId: 'c', body: '' }),
    ).toBeNull();
    expect(
      precheck.run(SendDto, {
        conversationId: '0192d4b4-2c36-7d6a-9d4e-7a1f2b3c4d5e',
        clientId: 'c',
        body: 'x',
        extra: 1,
      }),
    ).toBeNull();
    expect(precheck.run(JoinDto, { conversationId: '0192d4b4-2c36-7d6a-9d4e-7a1f2b3c4d5e', afterSeq: -1 })).toBeNull();
    expect(
      precheck.run(
        JoinDto,
        JSON.parse('{"conversationId":"0192d4b4-2c36-7d6a-9d4e-7a1f2b3c4d5e","__proto__":{"x":1}}'),
      ),
    ).toBeNull();
  });

  it('never decides for classes with transforms, nesting, @Allow or undeclared initialised fields', () => {
    expect(precheck.run(TypedDto, { limit: 5 })).toBeNull();
    expect(precheck.run(NestedDto, {})).toBeNull();
    expect(precheck.run(AllowDto, { anything: 1 })).toBeNull();
    expect(precheck.run(InitialisedDto, { name: 'x' })).toBeNull();
  });

  const uuid = '0192d4b4-2c36-7d6a-9d4e-7a1f2b3c4d5e';
  it.each([
    ['SendDto', SendDto, { conversationId: uuid, clientId: 'c-1', body: 'Hello' }],
    ['JoinDto', JoinDto, { conversationId: uuid, afterSeq: 3 }],
    ['MixedDto', MixedDto, { typing: true, kind: 'a', email: 'x@example.com', slug: 'abc', level: 2 }],
  ] as const)('agrees with plainToInstance + validate on random payloads (%s)', async (_name, cls, valid) => {
    expect(await expectAgreement(cls, valid, 400)).toBeGreaterThan(20);
  });
});
