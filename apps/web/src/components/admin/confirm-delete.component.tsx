// Inline two-step delete ("Delete" → "Yes, delete" / "Cancel") for admin tables: no modal, no lost click.
import { useState } from 'preact/hooks';
import { act } from '../../lib/admin-config.i18n';

interface Props {
  name: string;
  disabled?: boolean;
  onConfirm(): void;
}

export function ConfirmDelete({ name, disabled, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        class="btn btn-ghost btn-sm danger-text"
        disabled={disabled}
        onClick={() => setAsking(true)}
        data-testid="row-delete"
      >
        {act('delete')}
      </button>
    );
  return (
    <span role="group" aria-label={act('confirmDelete', { name })}>
      <span class="small">{act('confirmDelete', { name })} </span>
      <button
        type="button"
        class="btn btn-danger btn-sm"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid="row-delete-confirm"
      >
        {act('confirmDeleteYes')}
      </button>
      <button type="button" class="btn btn-ghost btn-sm" onClick={() => setAsking(false)}>
        {act('cancel')}
      </button>
    </span>
  );
}
