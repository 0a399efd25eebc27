// A modal "are you sure?" for deletions in the admin screens: open while `open` is true; the
// server's refusal (e.g. the last administrator) is shown inside it, so the user sees why.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { apt } from '../../lib/admin-people.i18n';

interface Props {
  open: boolean;
  title: string;
  confirmLabel: string;
  error: string | null;
  busy: boolean;
  testId: string;
  onConfirm(): void;
  onCancel(): void;
  children?: ComponentChildren;
}

export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  error,
  busy,
  testId,
  onConfirm,
  onCancel,
  children,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={`${testId}-title`} onClose={onCancel} data-testid={testId}>
      <h2 id={`${testId}-title`} class="card-title">
        {title}
      </h2>
      {children}
      {error && (
        <p class="form-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" onClick={onCancel}>
          {apt('cancel')}
        </button>
        <button type="button" class="btn btn-danger" disabled={busy} onClick={onConfirm} data-testid={`${testId}-yes`}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
