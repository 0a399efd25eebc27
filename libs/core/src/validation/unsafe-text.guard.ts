import { ValidationFailedError } from '../errors/validation-failed.error.js';

/**
 * Deeper than any payload of ours (the deepest DTO nests 4 levels). class-transformer and
 * class-validator recurse per level, so a 5,000-deep array overflowed the stack (500) before.
 */
export const MAX_INPUT_DEPTH = 32;

export interface UnsafeText {
  /** Dotted path of the offending value (`body.items.3.name`); a key's own name when the key is bad. */
  path: string;
  problem: string;
}

const NUL = '\u0000';

/** Why this string cannot be stored as text (PostgreSQL refuses NUL and jsonb refuses lone surrogates), or null. */
export function unsafeTextProblem(text: string): string | null {
  if (text.includes(NUL)) return 'must not contain NUL characters (\\u0000)';
  if (!text.isWellFormed()) return 'must not contain lone UTF-16 surrogates (invalid Unicode)';
  return null;
}

/**
 * The first string (value or key) that is not storable text, or a value nested deeper than `maxDepth`.
 * Iterative on purpose: the check must not itself overflow the stack on a hostile payload.
 */
export function findUnsafeInput(value: unknown, root: string, maxDepth = MAX_INPUT_DEPTH): UnsafeText | null {
  const stack: Array<[unknown, string, number]> = [[value, root, 0]];
  while (stack.length) {
    const [current, path, depth] = stack.pop()!;
    if (typeof current === 'string') {
      const problem = unsafeTextProblem(current);
      if (problem) return { path, problem };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    // Buffers (multipart file contents) are bytes, not text.
    if (Buffer.isBuffer(current) || ArrayBuffer.isView(current)) continue;
    if (depth >= maxDepth) return { path, problem: `is nested too deeply (more than ${maxDepth} levels)` };
    for (const key of Object.keys(current)) {
      const child = path ? `${path}.${key}` : key;
      const keyProblem = unsafeTextProblem(key);
      if (keyProblem) return { path: child.replaceAll(NUL, '\\u0000'), problem: `field name ${keyProblem}` };
      stack.push([(current as Record<string, unknown>)[key], child, depth + 1]);
    }
  }
  return null;
}

/** Throws the 400 naming the field when `value` holds text the database cannot store or nests too deeply. */
export function assertSafeInput(value: unknown, root = '', maxDepth = MAX_INPUT_DEPTH): void {
  const found = findUnsafeInput(value, root, maxDepth);
  if (!found) return;
  const path = found.path || '(payload)';
  throw new ValidationFailedError(`Invalid input: ${path} ${found.problem}`, { [path]: [found.problem] });
}

/** For outside text we must keep rather than refuse (inbound mail, plugin output): NUL removed, lone surrogates replaced. */
export function toStorableText(text: string): string {
  return text.replaceAll(NUL, '').toWellFormed();
}

/** A copy of plugin output with every string made storable (bytes and class instances kept as they are). */
export function toStorable<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return toStorableText(value) as T;
  if (value === null || typeof value !== 'object' || depth > MAX_INPUT_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => toStorable(v, depth + 1)) as T;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[toStorableText(k)] = toStorable(v, depth + 1);
  return out as T;
}
