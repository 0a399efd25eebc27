/**
 * A fake of a port that fails loudly on any member the test did not provide, so a unit test
 * notices a service doing more (or other) I/O than it declares.
 */
export function strictFake<T extends object>(name: string, members: Partial<T>): T {
  return new Proxy(members as T, {
    get(target, prop, receiver) {
      if (prop in target) return Reflect.get(target, prop, receiver);
      if (prop === 'then' || typeof prop === 'symbol') return undefined; // not a thenable; symbols for inspection
      throw new Error(`strict fake ${name}: unexpected access to "${String(prop)}"`);
    },
  });
}
