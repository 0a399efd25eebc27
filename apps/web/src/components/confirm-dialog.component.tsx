// A modal confirmation (native <dialog>: focus trapped, Escape cancels, focus returns to the opener).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  open: boolean;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  busy?: boolean;
  testId: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger,
  busy,
  testId,
  onConfirm,
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
      <h2 id={`${testId}-title`} class="card-title">
        {title}
      </h2>
      <div>{children}</div>
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" onClick={onCancel} data-testid={`${testId}-cancel`}>
          {cancelLabel}
        </button>
        <button
          type="button"
          class={`btn ${danger ? 'btn-danger' : 'btn-primary'}`}
          onClick={onConfirm}
          disabled={busy}
          data-testid={`${testId}-yes`}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
