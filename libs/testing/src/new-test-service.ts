import type { jest as JestObject } from '@jest/globals';
import 'reflect-metadata';

// The `jest` object jest's module wrapper hands every module it loads. Not imported from
// @jest/globals: that module throws when loaded outside jest, and this kit is also loaded by
// benchmarks and scripts (which never build a test service).
declare const jest: typeof JestObject;

/* eslint-disable @typescript-eslint/no-explicit-any -- constructors and fakes are typed by the caller */
type Ctor<T = unknown> = abstract new (...args: any[]) => T;
type AnyFn = (...args: any[]) => any;

/**
 * A strict fake of a dependency: every method is a `jest.fn` that throws "unexpected call" until
 * the test gives it a behaviour (`mockResolvedValue`, `mockImplementation`...). A service doing
 * more I/O than its test declares fails loudly instead of getting `undefined` back.
 */
export type StrictFake<T> = {
  -readonly [K in keyof T]: T[K] extends AnyFn ? JestObject.Mock<T[K]> & T[K] : T[K];
};

export function strictFakeOf<T>(name: string): StrictFake<T> {
  const members = new Map<PropertyKey, unknown>();
  return new Proxy({} as StrictFake<T>, {
    get(_target, prop) {
      if (members.has(prop)) return members.get(prop);
      // Not a thenable (a fake may be awaited or resolved), and nothing for inspection symbols.
      if (prop === 'then' || typeof prop === 'symbol' || prop === 'asymmetricMatch' || prop === 'toJSON')
        return undefined;
      const fn = jest.fn((...args: unknown[]) => {
        throw new Error(
          `${name}.${String(prop)}: unexpected call (${args.length} argument(s)); give it a behaviour in the test`,
        );
      });
      members.set(prop, fn);
      return fn;
    },
    set(_target, prop, value) {
      members.set(prop, value);
      return true;
    },
  });
}

export interface TestService<T> {
  sut: T;
  /** The fake (or the override) given for a constructor parameter of this type. */
  fake<D>(type: Ctor<D>): StrictFake<D>;
}

/**
 * Builds `Service` with a strict fake for every constructor parameter, read from the parameter
 * types TypeScript records for decorated classes (Immich's `newTestService` is the model).
 * `overrides` replaces a dependency by its type (a FakeClock, a real pure helper); parameters
 * whose type is not a class (interfaces, `@Inject(TOKEN)`) must be given by position.
 */
export function newTestService<T>(
  Service: Ctor<T>,
  overrides: { types?: Array<[Ctor, unknown]>; positions?: Record<number, unknown> } = {},
): TestService<T> {
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', Service) ?? [];
  if (!types.length && Service.length > 0) {
    throw new Error(`${Service.name} has no recorded parameter types: is it decorated (@Injectable)?`);
  }
  const byType = new Map<unknown, unknown>(overrides.types ?? []);
  const args = types.map((type, i) => {
    if (overrides.positions && i in overrides.positions) return overrides.positions[i];
    if (byType.has(type)) return byType.get(type);
    if (typeof type !== 'function' || type === Object) {
      throw new Error(`${Service.name}: parameter ${i} has no class type; pass it in overrides.positions[${i}]`);
    }
    const fake = strictFakeOf(type.name);
    byType.set(type, fake);
    return fake;
  });
  const sut = new (Service as unknown as new (...a: unknown[]) => T)(...args);
  return {
    sut,
    fake<D>(type: Ctor<D>): StrictFake<D> {
      if (!byType.has(type)) throw new Error(`${Service.name} takes no ${type.name}`);
      return byType.get(type) as StrictFake<D>;
    },
  };
}
