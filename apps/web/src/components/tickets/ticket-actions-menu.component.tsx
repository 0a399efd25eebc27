// Ticket page → Actions: one menu button (WAI-ARIA menu button pattern: Enter/Space/arrows open it,
// arrows/Home/End move, Escape or a click outside closes it and focus returns to the button) with
// Start chat, Merge, Edit title, Change contact, Product family and, for admins, Delete.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { agentChatsApi } from '../../lib/agent-chats.api';
import { ApiError } from '../../lib/api.client';
import type { Me } from '../../lib/api.types';
import { useMenuButton } from '../../lib/menu-button.hook';
import { navigate } from '../../lib/router.hook';
import { tat } from '../../lib/ticket-actions.i18n';
import { ticketsApi, type ProductFamily, type TicketPatch } from '../../lib/tickets.api';
import type { Ticket } from '../../lib/tickets.types';
import { contactName } from '../../lib/format';
import { FormDialog } from '../form-dialog.component';
import { MergeTicketDialog } from './merge-ticket-dialog.component';
import { PeoplePicker, type PickOption } from './people-picker.component';

type Item = 'chat' | 'merge' | 'title' | 'contact' | 'family' | 'delete';
type Dialog = Exclude<Item, 'chat'> | null;

interface Props {
  ticket: Ticket;
  me: Me;
  contactOptions: PickOption[];
  /** Saves a change (PATCH); resolves to an error message or null. */
  onPatch(patch: TicketPatch): Promise<string | null>;
}

const LABEL: Record<Item, Parameters<typeof tat>[0]> = {
  chat: 'startChat',
  merge: 'merge',
  title: 'editTitle',
  contact: 'changeContact',
  family: 'productFamily',
  delete: 'delete',
};

export function TicketActionsMenu({ ticket, me, contactOptions, onPatch }: Props) {
  const { open, setOpen, show, wrap, button, menu, onButtonKey, onMenuKey } = useMenuButton();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [chatBusy, setChatBusy] = useState(false);
  const [chatError, setChatError] = useState<string | null>(null);

  const items = useMemo<Item[]>(
    () => ['chat', 'merge', 'title', 'contact', 'family', ...(me.role === 'admin' ? (['delete'] as const) : [])],
    [me.role],
  );

  const startChat = async () => {
    setChatBusy(true);
    setChatError(null);
    try {
      const { chat } = await agentChatsApi.start({ ticketNumber: ticket.number });
      navigate(`/chats/${chat.id}`);
    } catch (e) {
      setChatError((e as Error).message);
    } finally {
      setChatBusy(false);
    }
  };

  const choose = (item: Item) => {
    setOpen(false);
    if (item === 'chat') {
      button.current?.focus();
      void startChat();
    } else setDialog(item);
  };
  const closeDialog = () => {
    setDialog(null);
    button.current?.focus();
  };

  return (
    <div class="ticket-actions" data-testid="ticket-actions" ref={wrap}>
      <button
        ref={button}
        type="button"
        id="ticket-actions-button"
        class="btn btn-secondary btn-sm"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="ticket-actions-menu"
        onClick={() => (open ? setOpen(false) : show('first'))}
        onKeyDown={onButtonKey}
        disabled={chatBusy}
        data-testid="ticket-actions-button"
      >
        {chatBusy ? tat('starting') : tat('actions')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          ref={menu}
          id="ticket-actions-menu"
          class="panel panel-left ticket-actions-menu"
          role="menu"
          aria-labelledby="ticket-actions-button"
          onKeyDown={onMenuKey}
          data-testid="ticket-actions-menu"
        >
          {items.map((item) => (
            <li key={item} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                class={`ticket-action-item${item === 'delete' ? ' is-danger' : ''}`}
                onClick={() => choose(item)}
                data-testid={`ticket-action-${item}`}
              >
                {tat(LABEL[item])}
              </button>
            </li>
          ))}
        </ul>
      )}
      {chatError && (
        <span class="form-error small" role="alert" data-testid="ticket-actions-error">
          {chatError}
        </span>
      )}

      <MergeTicketDialog
        open={dialog === 'merge'}
        ticket={ticket}
        onClose={closeDialog}
        onMerged={(into) => {
          setDialog(null);
          navigate(`/tickets/${into}`);
        }}
      />
      <TitleDialog open={dialog === 'title'} ticket={ticket} onClose={closeDialog} onPatch={onPatch} />
      <ContactDialog
        open={dialog === 'contact'}
        ticket={ticket}
        options={contactOptions}
        onClose={closeDialog}
        onPatch={onPatch}
      />
      <FamilyDialog open={dialog === 'family'} ticket={ticket} onClose={closeDialog} onPatch={onPatch} />
      {me.role === 'admin' && <DeleteDialog open={dialog === 'delete'} ticket={ticket} onClose={closeDialog} />}
    </div>
  );
}

interface EditProps {
  open: boolean;
  ticket: Ticket;
  onClose(): void;
  onPatch(patch: TicketPatch): Promise<string | null>;
}

/** Runs a save for a dialog: busy while it runs, closes on success, keeps the error otherwise. */
function useSave(onClose: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (save: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    const failed = await save();
    setBusy(false);
    if (failed) setError(tat('failed', { message: failed }));
    else onClose();
  };
  return { busy, error, setError, run };
}

function TitleDialog({ open, ticket, onClose, onPatch }: EditProps) {
  const [title, setTitle] = useState(ticket.title);
  const save = useSave(onClose);
  useEffect(() => {
    if (open) {
      setTitle(ticket.title);
      save.setError(null);
    }
  }, [open]);
  return (
    <FormDialog
      open={open}
      title={tat('titleTitle')}
      submitLabel={save.busy ? tat('saving') : tat('save')}
      cancelLabel={tat('cancel')}
      busy={save.busy}
      canSubmit={!!title.trim()}
      error={save.error ?? (title.trim() ? null : tat('titleEmpty'))}
      testId="title-dialog"
      onSubmit={() => save.run(() => onPatch({ title: title.trim() }))}
      onCancel={onClose}
    >
      <label class="field-label" for="ticket-title-input">
        {tat('titleLabel')}
      </label>
      <input
        id="ticket-title-input"
        class="input"
        value={title}
        maxLength={300}
        onInput={(e) => setTitle(e.currentTarget.value)}
        data-testid="title-input"
        autoFocus
      />
    </FormDialog>
  );
}

function ContactDialog({ open, ticket, options, onClose, onPatch }: EditProps & { options: PickOption[] }) {
  const current = ticket.requester
    ? (options.find((o) => o.id === ticket.requester!.id) ?? {
        key: `contact:${ticket.requester.id}`,
        id: ticket.requester.id,
        kind: 'contact' as const,
        name: contactName(ticket.requester),
      })
    : null;
  const [picked, setPicked] = useState<PickOption[]>(current ? [current] : []);
  const save = useSave(onClose);
  useEffect(() => {
    if (open) {
      setPicked(current ? [current] : []);
      save.setError(null);
    }
  }, [open]);
  const chosen = picked[0];
  return (
    <FormDialog
      open={open}
      title={tat('contactTitle')}
      submitLabel={save.busy ? tat('saving') : tat('save')}
      cancelLabel={tat('cancel')}
      busy={save.busy}
      canSubmit={!!chosen && chosen.id !== ticket.requester?.id}
      error={save.error}
      testId="contact-dialog"
      onSubmit={() => chosen && save.run(() => onPatch({ requesterId: chosen.id }))}
      onCancel={onClose}
    >
      <PeoplePicker
        label={tat('contactLabel')}
        options={options}
        selected={picked}
        onChange={setPicked}
        max={1}
        placeholder={tat('contactPlaceholder')}
        hint={chosen ? undefined : tat('contactPick')}
        testId="contact-picker"
      />
    </FormDialog>
  );
}

function FamilyDialog({ open, ticket, onClose, onPatch }: EditProps) {
  const [families, setFamilies] = useState<ProductFamily[] | null>(null);
  const [value, setValue] = useState(ticket.productFamilyId ?? '');
  const save = useSave(onClose);
  useEffect(() => {
    if (!open) return;
    setValue(ticket.productFamilyId ?? '');
    save.setError(null);
    ticketsApi
      .productFamilies()
      .then(setFamilies, (err) => save.setError(err instanceof ApiError ? err.message : tat('networkError')));
  }, [open]);
  return (
    <FormDialog
      open={open}
      title={tat('familyTitle')}
      submitLabel={save.busy ? tat('saving') : tat('save')}
      cancelLabel={tat('cancel')}
      busy={save.busy || families === null}
      canSubmit={value !== (ticket.productFamilyId ?? '')}
      error={save.error}
      testId="family-dialog"
      onSubmit={() => save.run(() => onPatch({ productFamilyId: value || null }))}
      onCancel={onClose}
    >
      <label class="field-label" for="ticket-family-select">
        {tat('familyLabel')}
      </label>
      <select
        id="ticket-family-select"
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        data-testid="family-select"
      >
        <option value="">{tat('familyNone')}</option>
        {(families ?? []).map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
    </FormDialog>
  );
}

function DeleteDialog({ open, ticket, onClose }: Omit<EditProps, 'onPatch'>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [open]);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await ticketsApi.remove(ticket.number);
      navigate('/tickets');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : tat('networkError'));
      setBusy(false);
    }
  };
  return (
    <FormDialog
      open={open}
      title={tat('deleteTitle', { number: ticket.number })}
      submitLabel={tat('deleteConfirm')}
      cancelLabel={tat('cancel')}
      busy={busy}
      danger
      error={error}
      testId="delete-dialog"
      onSubmit={remove}
      onCancel={onClose}
    >
      <p>{tat('deleteBody')}</p>
    </FormDialog>
  );
}
