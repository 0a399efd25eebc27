// One menu of the bulk bar (Status ▾, Assignee ▾, Priority ▾): the WAI-ARIA menu button pattern of
// the ticket page's Actions menu (Enter/Space/arrows open it, arrows/Home/End move, Escape or a click
// outside closes it and focus returns to the button); picking an entry applies it at once.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useDismiss } from '../../lib/dismiss.hook';

export interface BulkMenuOption {
  value: string;
  label: string;
}

interface Props {
  label: string;
  options: BulkMenuOption[];
  disabled?: boolean;
  testId: string;
  onPick(value: string): void;
}

export function TicketBulkMenu({ label, options, disabled, testId, onPick }: Props) {
  const uid = useId();
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');
  useDismiss(open, wrap, button, () => setOpen(false));

  const entries = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  useEffect(() => {
    if (!open) return;
    const list = entries();
    (focusOnOpen.current === 'last' ? list[list.length - 1] : list[0])?.focus();
  }, [open]);

  const show = (at: 'first' | 'last') => {
    focusOnOpen.current = at;
    setOpen(true);
  };
  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      show('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      show('last');
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const list = entries();
    const i = list.indexOf(document.activeElement as HTMLElement);
    const go = (n: number) => list[(n + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if (e.key === 'Tab') return setOpen(false);
    else return;
    e.preventDefault();
  };
  const pick = (value: string) => {
    setOpen(false);
    button.current?.focus();
    onPick(value);
  };

  return (
    <div class="ticket-actions" ref={wrap}>
      <button
        ref={button}
        type="button"
        id={`${uid}-button`}
        class="btn btn-secondary btn-sm"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${uid}-menu`}
        disabled={disabled}
        onClick={() => (open ? setOpen(false) : show('first'))}
        onKeyDown={onButtonKey}
        data-testid={testId}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          ref={menu}
          id={`${uid}-menu`}
          class="panel panel-left ticket-actions-menu bulk-menu"
          role="menu"
          aria-labelledby={`${uid}-button`}
          onKeyDown={onMenuKey}
          data-testid={`${testId}-menu`}
        >
          {options.map((o) => (
            <li key={o.value} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                class="ticket-action-item"
                onClick={() => pick(o.value)}
                data-testid={`${testId}-option`}
                data-value={o.value}
              >
                {o.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
