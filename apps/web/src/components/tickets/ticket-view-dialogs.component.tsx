// The saved views' dialogs (#15): name a new view, rename one, delete one. A chunk of its own,
// fetched when the first opens (ticket-views.component.tsx).
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { tui } from '../../lib/ticket-ui.i18n';
import { ticketViewsApi, type TicketViewItem } from '../../lib/ticket-views.api';
import { ConfirmDialog } from '../confirm-dialog.component';
import { FormDialog } from '../form-dialog.component';

export interface ViewDialog {
  kind: 'save' | 'rename' | 'delete';
  view?: TicketViewItem;
}

interface Props {
  dialog: ViewDialog | null;
  onCancel(): void;
  /** These throw an ApiError to keep the dialog open with its message. */
  onCreate(name: string): Promise<void>;
  onRename(id: string, name: string): Promise<void>;
  onDeleted(id: string): Promise<void>;
}

export function TicketViewDialogs({ dialog, onCancel, onCreate, onRename, onDeleted }: Props) {
  return (
    <>
      <NameDialog
        open={dialog?.kind === 'save'}
        title={tui('saveViewTitle')}
        initial=""
        testId="save-view-dialog"
        onCancel={onCancel}
        onSave={onCreate}
      />
      <NameDialog
        open={dialog?.kind === 'rename'}
        title={tui('renameTitle')}
        initial={dialog?.view?.name ?? ''}
        testId="rename-view-dialog"
        onCancel={onCancel}
        onSave={(name) => onRename(dialog?.view?.id ?? '', name)}
      />
      <DeleteViewDialog
        view={dialog?.kind === 'delete' ? (dialog.view ?? null) : null}
        onCancel={onCancel}
        onDeleted={onDeleted}
      />
    </>
  );
}

interface NameDialogProps {
  open: boolean;
  title: string;
  initial: string;
  testId: string;
  onCancel(): void;
  /** Throws an ApiError to keep the dialog open with its message. */
  onSave(name: string): Promise<void>;
}

function NameDialog({ open, title, initial, testId, onCancel, onSave }: NameDialogProps) {
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setName(initial);
    setError(null);
  }, [open, initial]);
  const submit = async () => {
    if (!name.trim()) return setError(tui('viewNameEmpty'));
    setBusy(true);
    setError(null);
    try {
      await onSave(name.trim());
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors.name?.[0] ?? e.message) : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog
      open={open}
      title={title}
      submitLabel={tui('save')}
      cancelLabel={tui('cancel')}
      busy={busy}
      error={error}
      testId={testId}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <label class="field">
        <span class="field-label">{tui('viewName')}</span>
        <input
          type="text"
          maxLength={100}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={error ? 'true' : undefined}
          autoFocus
          data-testid={`${testId}-name`}
        />
      </label>
    </FormDialog>
  );
}

function DeleteViewDialog({
  view,
  onCancel,
  onDeleted,
}: {
  view: TicketViewItem | null;
  onCancel(): void;
  onDeleted(id: string): Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (!view) return;
    setBusy(true);
    setError(null);
    try {
      await ticketViewsApi.remove(view.id);
      await onDeleted(view.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      open={!!view}
      title={tui('deleteTitle', { name: view?.name ?? '' })}
      confirmLabel={tui('deleteConfirm')}
      cancelLabel={tui('cancel')}
      danger
      busy={busy}
      testId="delete-view-dialog"
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <p>{tui('deleteBody')}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </ConfirmDialog>
  );
}
