import { AsyncLocalStorage } from 'node:async_hooks';

interface Scope {
  /** False once `inReadScope`'s function has settled: work it started later (timers, events) reads afresh. */
  open: boolean;
  reads: Map<string, Promise<unknown>>;
}

const storage = new AsyncLocalStorage<Scope>();

/**
 * Runs `fn` with a memo of configuration reads (settings, ticket statuses): inside it, the same
 * read is sent to the database once (#20.5: an inbound mail read the settings and the statuses
 * twice each). Not a cache: the memo lives as long as one message's processing, in this process,
 * so another instance's change is seen by the next message, as before.
 */
export async function inReadScope<T>(fn: () => Promise<T>): Promise<T> {
  const scope: Scope = { open: true, reads: new Map() };
  try {
    return await storage.run(scope, fn);
  } finally {
    scope.open = false;
  }
}

/** `load()`, or inside a read scope the result of the first `load` under this key. A failed read is not kept. */
export function memoRead<T>(key: string, load: () => Promise<T>): Promise<T> {
  const scope = storage.getStore();
  if (!scope?.open) return load();
  let read = scope.reads.get(key) as Promise<T> | undefined;
  if (!read) {
    read = load();
    scope.reads.set(key, read);
    read.catch(() => scope.reads.delete(key));
  }
  return read;
}

/** True inside `inReadScope`'s function (a caller may then read more at once, knowing it is kept). */
export function inOpenReadScope(): boolean {
  return storage.getStore()?.open === true;
}

/** After a write inside a scope: the reads under keys starting with `prefix` are sent again. */
export function forgetReads(prefix: string): void {
  const scope = storage.getStore();
  if (!scope) return;
  for (const key of [...scope.reads.keys()]) if (key.startsWith(prefix)) scope.reads.delete(key);
}
