import 'reflect-metadata';
import { validateDto } from '@switchboard/core';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate } from 'class-validator';
import fc from 'fast-check';

// validateDto's fast path (DtoPrecheck) against the full class-transformer + class-validator path,
// for every DTO class the application registers: same verdict, same instance, on random payloads.
describe('validateDto fast path on every DTO of the application', () => {
  let classes: Array<new () => object> = [];
  beforeAll(async () => {
    await import('../../apps/api/src/app.module.js');
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, Array<{ propertyName: string }>>;
    };
    classes = [...storage.validationMetadatas.keys()].filter((c): c is new () => object => typeof c === 'function');
  });

  it('gives the verdict and the instance of plainToInstance + validate', async () => {
    expect(classes.length).toBeGreaterThan(40);
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, Array<{ propertyName: string }>>;
    };
    const value = fc.oneof(
      fc.uuid(),
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '',
        'a',
        'x@example.com',
        'open',
        'pending',
        'public',
        'internal',
        'active',
        'technician',
        'a'.repeat(300),
      ),
      fc.integer({ min: -3, max: 300 }),
      fc.boolean(),
      fc.constant(null),
      fc.constant({ nested: 1 }),
    );
    let fastAgreed = 0;
    for (const cls of classes) {
      const keys = [...new Set(storage.validationMetadatas.get(cls)!.map((m) => m.propertyName)), 'extra'];
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }), async (input) => {
          const reference = plainToInstance(cls, input);
          const referenceValid =
            (await validate(reference, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false }))
              .length === 0;
          const got = await validateDto(cls, input).then(
            (instance) => ({ ok: true as const, instance }),
            () => ({ ok: false as const }),
          );
          expect(got.ok).toBe(referenceValid);
          if (got.ok) {
            expect(Object.getPrototypeOf(got.instance)).toBe(cls.prototype);
            expect({ ...got.instance }).toEqual({ ...reference });
            fastAgreed++;
          }
        }),
        { numRuns: 60 },
      );
    }
    expect(fastAgreed).toBeGreaterThan(0);
  });
});
