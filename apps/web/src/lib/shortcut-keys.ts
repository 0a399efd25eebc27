// The pure part of the keyboard shortcuts (#15): turns a stream of key presses into actions, with
// two-key sequences ("g" then "t") that must be completed within a short window. No DOM and no
// clock of its own, so the unit project can test it under node (shortcut-keys.spec.ts).

/** What the matcher reads from a keydown event (a KeyboardEvent fits). */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface KeyBinding<A> {
  /** One key (`['j']`, `['?']`) or a sequence (`['g', 't']`), as KeyboardEvent.key values. */
  keys: readonly string[];
  action: A;
}

/** The keys typed so far of an unfinished sequence, and when the last one was pressed. */
export interface SequenceState {
  keys: readonly string[];
  at: number;
}

export const IDLE: SequenceState = { keys: [], at: 0 };

/** How long the second key of a sequence may wait after the first. */
export const SEQUENCE_WINDOW_MS = 1500;

export interface Step<A> {
  state: SequenceState;
  /** The binding completed by this key, if any. */
  action: A | null;
  /** True when the key belongs to a shortcut (an action or the start of a sequence): the caller prevents the default. */
  consumed: boolean;
}

// Held alone they are no key of ours; Shift is how "?" is typed, so it must not break a sequence.
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

const startsWith = (keys: readonly string[], prefix: readonly string[]) =>
  prefix.length <= keys.length && prefix.every((k, i) => keys[i] === k);

/** Exact match, or "a longer binding starts with these keys". */
function lookup<A>(bindings: readonly KeyBinding<A>[], typed: readonly string[]) {
  const exact = bindings.find((b) => b.keys.length === typed.length && startsWith(b.keys, typed));
  const longer = bindings.some((b) => b.keys.length > typed.length && startsWith(b.keys, typed));
  return { exact, longer };
}

/**
 * One key press. Ctrl/Meta/Alt chords belong to the browser and the OS: they never match and drop a
 * pending sequence. A key that does not continue the pending sequence is tried on its own, so "g"
 * then "j" still moves down the list.
 */
export function stepKeys<A>(
  bindings: readonly KeyBinding<A>[],
  state: SequenceState,
  input: KeyInput,
  now: number,
  windowMs = SEQUENCE_WINDOW_MS,
): Step<A> {
  if (input.ctrlKey || input.metaKey || input.altKey) return { state: IDLE, action: null, consumed: false };
  if (MODIFIER_KEYS.has(input.key)) return { state, action: null, consumed: false };
  const pending = state.keys.length && now - state.at <= windowMs ? state.keys : [];
  const attempts = pending.length ? [[...pending, input.key], [input.key]] : [[input.key]];
  for (const typed of attempts) {
    const { exact, longer } = lookup(bindings, typed);
    // A binding that is both complete and a prefix of a longer one fires at once (no waiting).
    if (exact) return { state: IDLE, action: exact.action, consumed: true };
    if (longer) return { state: { keys: typed, at: now }, action: null, consumed: true };
  }
  return { state: IDLE, action: null, consumed: false };
}
