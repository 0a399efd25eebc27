import { getMetadataStorage } from 'class-validator';

let generation = 0;

/** Changes whenever a validation rule or constraint is registered (for caches derived from the rules). */
export function validationMetadataGeneration(): number {
  return generation;
}

type Lookup = (
  target: Function,
  schema: string | undefined,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => unknown[];

/**
 * class-validator looks up a class's rules on every validate() call, and the lookup walks every
 * registered DTO class (an `instanceof` test each, for inherited rules): a few percent of the
 * server's time per socket message. The rules only change when decorators register more (module
 * loading, plugins), so the answers are remembered per class until the next registration.
 * Lookups with validation groups are passed through (none of our DTOs use groups).
 */
export function cacheValidationMetadata(): void {
  const storage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas: Lookup & { cached?: true };
    addValidationMetadata(metadata: unknown): void;
    addConstraintMetadata(metadata: unknown): void;
  };
  if (storage.getTargetValidationMetadatas.cached) return;
  const lookup = storage.getTargetValidationMetadatas.bind(storage) as Lookup;
  let cache = new Map<Function, Map<string, unknown[]>>();
  const cached: Lookup & { cached?: true } = (target, schema, always, strictGroups, groups) => {
    if (groups?.length) return lookup(target, schema, always, strictGroups, groups);
    const key = `${schema ?? ''}\u0000${always ? 1 : 0}${strictGroups ? 1 : 0}`;
    let perClass = cache.get(target);
    if (!perClass) cache.set(target, (perClass = new Map()));
    let found = perClass.get(key);
    if (!found) perClass.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  cached.cached = true;
  storage.getTargetValidationMetadatas = cached;
  for (const method of ['addValidationMetadata', 'addConstraintMetadata'] as const) {
    const add = storage[method].bind(storage);
    storage[method] = (metadata: unknown) => {
      cache = new Map();
      generation++;
      add(metadata);
    };
  }
}
