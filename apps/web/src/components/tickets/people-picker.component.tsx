// Accessible multi-select combobox (ARIA 1.2 pattern) used for the requester, Cc and @notify pickers:
// type to filter, arrows to move, Enter to pick, Backspace on an empty input removes the last chip.
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { tp } from '../../lib/ticket-page.i18n';

export interface PickOption {
  /** Unique across kinds, e.g. `contact:<id>` / `account:<id>`. */
  key: string;
  id: string;
  kind: 'contact' | 'account';
  name: string;
  detail?: string;
}

interface Props {
  label: string;
  options: PickOption[];
  selected: PickOption[];
  onChange(selected: PickOption[]): void;
  /** 1 = single choice (picking replaces). */
  max?: number;
  placeholder?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  testId: string;
  disabled?: boolean;
}

const MAX_SHOWN = 50;

export function PeoplePicker({
  label,
  options,
  selected,
  onChange,
  max,
  placeholder,
  hint,
  error,
  required,
  testId,
  disabled,
}: Props) {
  const uid = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const chosen = new Set(selected.map((s) => s.key));
  const matches = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return options
      .filter(
        (o) =>
          !chosen.has(o.key) &&
          (!needle || o.name.toLowerCase().includes(needle) || (o.detail ?? '').toLowerCase().includes(needle)),
      )
      .slice(0, MAX_SHOWN);
  }, [options, text, selected]);

  const pick = (o: PickOption) => {
    onChange(max === 1 ? [o] : [...selected, o]);
    setText('');
    setActive(0);
    // Close after each pick so the list never sits over the controls below; typing or ↓ reopens it.
    setOpen(false);
    input.current?.focus();
  };
  const remove = (o: PickOption) => {
    onChange(selected.filter((s) => s.key !== o.key));
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      // Enter picks when the list is open; otherwise let the surrounding form handle it.
      if (open && matches[active]) {
        e.preventDefault();
        pick(matches[active]);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.stopPropagation();
        setOpen(false);
      }
    } else if (e.key === 'Backspace' && !text && selected.length) {
      remove(selected[selected.length - 1]);
    }
  };

  // Keep the suggestions on screen (#15): near the bottom of the viewport (the composer's Cc) they
  // open upwards, and never taller than the room there is.
  const list = useRef<HTMLUListElement>(null);
  const [up, setUp] = useState(false);
  const [room, setRoom] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    if (!open || !input.current) return;
    const box = input.current.getBoundingClientRect();
    const below = innerHeight - box.bottom - 12;
    const above = box.top - 12;
    const wanted = Math.min(260, list.current?.scrollHeight ?? 260);
    const flip = below < wanted && above > below;
    setUp(flip);
    setRoom(Math.max(80, Math.min(260, flip ? above : below)));
  }, [open, matches.length]);

  const listId = `${uid}-list`;
  const full = max !== undefined && selected.length >= max && max !== 1;
  return (
    <div class={`picker${error ? ' has-error' : ''}`} data-testid={testId}>
      <label class="field-label" for={`${uid}-input`}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <div class="picker-box" onClick={() => input.current?.focus()}>
        {selected.map((s) => (
          <span key={s.key} class={`chip chip-${s.kind}`} data-testid={`${testId}-chip`}>
            {s.name}
            <button
              type="button"
              class="chip-x"
              aria-label={tp('removeFile', { name: s.name })}
              onClick={() => remove(s)}
              disabled={disabled}
            >
              ×
            </button>
          </span>
        ))}
        <input
          ref={input}
          id={`${uid}-input`}
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={open && matches.length > 0}
          aria-controls={listId}
          aria-activedescendant={open && matches[active] ? `${uid}-opt-${active}` : undefined}
          aria-describedby={hint || error ? `${uid}-hint` : undefined}
          aria-invalid={error ? true : undefined}
          aria-required={required}
          placeholder={selected.length && max === 1 ? tp('change') : placeholder}
          value={text}
          disabled={disabled || full}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 120)}
          onKeyDown={onKeyDown}
          data-testid={`${testId}-input`}
        />
      </div>
      {(hint || error) && (
        <span id={`${uid}-hint`} class={error ? 'field-error' : 'field-hint'}>
          {error ?? hint}
        </span>
      )}
      {open && (
        <ul
          ref={list}
          id={listId}
          class={`picker-list${up ? ' opens-up' : ''}`}
          style={room ? { maxHeight: `${room}px` } : undefined}
          role="listbox"
          aria-label={label}
          data-testid={`${testId}-list`}
        >
          {matches.length === 0 ? (
            <li class="picker-empty" role="presentation">
              {options.length ? tp('noMatches') : tp('nobodyToPick')}
            </li>
          ) : (
            matches.map((o, i) => (
              <li
                key={o.key}
                id={`${uid}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                class={`picker-option${i === active ? ' is-active' : ''}`}
                // mousedown, not click: it runs before the input's blur closes the list.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(o);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span>{o.name}</span>
                {o.detail && <span class="muted small">{o.detail}</span>}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
