// The "?" overlay's dialog (#15), fetched the first time it opens: the shortcuts, the page's and
// the global ones, in a native modal <dialog> (the page behind is inert; Tab wraps inside it).
// Escape or a click on the backdrop closes it and focus goes back where it was.
import { Fragment } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Shortcut } from '../lib/shortcuts.hook';
import { tsk } from '../lib/shortcuts.i18n';

interface Props {
  open: boolean;
  pageShortcuts: Shortcut[];
  global: Shortcut[];
  onClose(): void;
}

export function ShortcutsDialog({ open, pageShortcuts, global, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  // In the commit that renders the list (a layout effect): the dialog is never shown filled but
  // closed, which a key pressed right after the chunk arrived would otherwise hit.
  useLayoutEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      class="dialog shortcuts-overlay"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-overlay"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={trapTab}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself, outside its box.
        const box = ref.current?.getBoundingClientRect();
        if (e.target !== ref.current || !box) return;
        const inside =
          e.clientX >= box.left && e.clientX <= box.right && e.clientY >= box.top && e.clientY <= box.bottom;
        if (!inside) onClose();
      }}
    >
      <div class="shortcuts-head">
        <h2 id="shortcuts-title" class="card-title" data-testid="shortcuts-title">
          {tsk('title')}
        </h2>
        <button type="button" class="btn btn-ghost" onClick={() => onClose()} data-testid="shortcuts-close">
          {tsk('close')}
        </button>
      </div>
      {open && pageShortcuts.length > 0 && (
        <ShortcutList title={tsk('page')} shortcuts={pageShortcuts} testId="shortcuts-page" />
      )}
      {open && <ShortcutList title={tsk('global')} shortcuts={global} testId="shortcuts-global" />}
      <p class="muted shortcuts-hint">{tsk('hint')}</p>
    </dialog>
  );
}

/**
 * A modal <dialog> makes the page inert, but Tab still leaves it for the browser's own UI: wrap
 * around inside instead, so keyboard and screen-reader users stay in the overlay until they close it.
 */
function trapTab(e: KeyboardEvent) {
  if (e.key !== 'Tab') return;
  const dialog = e.currentTarget as HTMLElement;
  const focusable = [...dialog.querySelectorAll<HTMLElement>('button, [href], [tabindex]:not([tabindex="-1"])')];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first) return e.preventDefault();
  if (e.shiftKey ? document.activeElement === first : document.activeElement === last) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
}

function ShortcutList(props: { title: string; shortcuts: Shortcut[]; testId: string }) {
  return (
    <section aria-label={props.title} data-testid={props.testId}>
      <h3 class="shortcuts-section">{props.title}</h3>
      <dl class="shortcuts-list">
        {props.shortcuts.map((s) => (
          <div class="shortcuts-item" key={s.keys.join(' ')} data-testid="shortcut" data-keys={s.keys.join(' ')}>
            <dt>
              <Keys keys={s.keys} joiner={tsk('then')} />
              {s.alsoKeys && (
                <>
                  {` ${tsk('or')} `}
                  <Keys keys={s.alsoKeys} joiner={tsk('then')} />
                </>
              )}
            </dt>
            <dd>{tsk(s.label)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Keys({ keys, joiner }: { keys: readonly string[]; joiner: string }) {
  return (
    <>
      {keys.map((k, i) => (
        <Fragment key={i}>
          {i > 0 && ` ${joiner} `}
          <kbd>{k}</kbd>
        </Fragment>
      ))}
    </>
  );
}
