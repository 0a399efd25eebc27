// A modal form (native <dialog>: focus trapped, Escape cancels, focus returns to the opener).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  open: boolean;
  title: string;
  children: ComponentChildren;
  submitLabel: string;
  cancelLabel: string;
  busy?: boolean;
  canSubmit?: boolean;
  error?: string | null;
  danger?: boolean;
  testId: string;
  onSubmit(): void;
  onCancel(): void;
}

export function FormDialog({
  open,
  title,
  children,
  submitLabel,
  cancelLabel,
  busy,
  canSubmit = true,
  error,
  danger,
  testId,
  onSubmit,
  onCancel,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && canSubmit) onSubmit();
        }}
      >
        <h2 id={`${testId}-title`} class="card-title">
          {title}
        </h2>
        {open && children}
        {error && (
          <p class="form-error" role="alert" data-testid={`${testId}-error`}>
            {error}
          </p>
        )}
        <div class="form-actions">
          <button type="button" class="btn btn-ghost" onClick={onCancel} data-testid={`${testId}-cancel`}>
            {cancelLabel}
          </button>
          <button
            type="submit"
            class={`btn ${danger ? 'btn-danger' : 'btn-primary'}`}
            disabled={busy || !canSubmit}
            data-testid={`${testId}-submit`}
          >
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
