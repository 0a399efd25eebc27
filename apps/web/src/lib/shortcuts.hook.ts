// The console's keyboard shortcut layer (#15). One keydown listener for the whole app (mounted by
// the shortcuts overlay in the shell): the global shortcuts plus whatever the current page
// registers with usePageShortcuts, matched by the pure stepKeys (sequences such as "g" then "t").
import { useEffect, useRef } from 'preact/hooks';
import { isTyping } from './is-typing';
import { IDLE, stepKeys, type SequenceState } from './shortcut-keys';
import type { ShortcutStrings } from './shortcuts.i18n';

export interface Shortcut {
  /** One key or a sequence, as KeyboardEvent.key values. */
  keys: readonly string[];
  /** Shown in the overlay as another way to do the same (handled natively, e.g. Enter on a link). */
  alsoKeys?: readonly string[];
  /** What it does, as a key of the shortcut strings (the overlay translates it). */
  label: keyof ShortcutStrings;
  run(): void;
}

// The mounted pages' shortcuts. Each page keeps a ref, so the latest render's closures run.
const pageShortcutRefs = new Set<{ current: readonly Shortcut[] }>();

/** The shortcuts of the page(s) mounted now, for the overlay. */
export function currentPageShortcuts(): Shortcut[] {
  return [...pageShortcutRefs].flatMap((r) => r.current);
}

/** Registers a page's shortcuts for as long as it is mounted (the overlay lists them). */
export function usePageShortcuts(shortcuts: readonly Shortcut[]): void {
  const ref = useRef(shortcuts);
  ref.current = shortcuts;
  useEffect(() => {
    pageShortcutRefs.add(ref);
    return () => void pageShortcutRefs.delete(ref);
  }, []);
}

/**
 * Listens for the global shortcuts and the page's. Nothing fires while the user types in a field,
 * with Ctrl/Meta/Alt (those are the browser's), or while a modal dialog (the overlay itself, a
 * confirmation) has the page inert behind it.
 */
export function useShortcutLayer(global: readonly Shortcut[]): void {
  const globalRef = useRef(global);
  globalRef.current = global;
  useEffect(() => {
    let state: SequenceState = IDLE;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTyping(e.target) || document.querySelector('dialog[open]')) {
        state = IDLE;
        return;
      }
      const bindings = [...currentPageShortcuts(), ...globalRef.current].map((s) => ({ keys: s.keys, action: s }));
      const step = stepKeys(bindings, state, e, Date.now());
      state = step.state;
      if (step.consumed) e.preventDefault();
      step.action?.run();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}
