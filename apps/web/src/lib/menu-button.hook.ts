// The WAI-ARIA menu button pattern shared by the ticket page's Actions menu and the bulk bar's
// menus: Enter/Space/ArrowDown open on the first entry, ArrowUp on the last; arrows, Home and End
// move (wrapping); Tab, Escape or a click outside close it and focus returns to the button.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useDismiss } from './dismiss.hook';

export function useMenuButton() {
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

  return { open, setOpen, show, wrap, button, menu, onButtonKey, onMenuKey };
}
