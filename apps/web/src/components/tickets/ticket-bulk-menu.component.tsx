// One menu of the bulk bar (Status ▾, Assignee ▾, Priority ▾): the WAI-ARIA menu button pattern of
// the ticket page's Actions menu (Enter/Space/arrows open it, arrows/Home/End move, Escape or a click
// outside closes it and focus returns to the button); picking an entry applies it at once.
import { useId } from 'preact/hooks';
import { useMenuButton } from '../../lib/menu-button.hook';

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
  const { open, setOpen, show, wrap, button, menu, onButtonKey, onMenuKey } = useMenuButton();

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
