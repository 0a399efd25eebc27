// Admin → Queues (#14): list, create, edit (name, companies, members, offer timeout, maximum wait),
// delete (api/queues). A portal routes to a queue from its own form (Portals, email & plugins).
import { useEffect, useState } from 'preact/hooks';
import { adminPeopleApi, type Account, type Company } from '../../lib/admin-people.api';
import { ApiError } from '../../lib/api.client';
import { routingApi, type Queue, type QueueInput } from '../../lib/routing.api';
import { rt } from '../../lib/routing.i18n';
import { ConfirmDelete } from './confirm-delete.component';

type Message = { ok: boolean; text: string } | null;
type Draft = { name: string; companyIds: string[]; memberIds: string[]; offer: string; wait: string };
const EMPTY: Draft = { name: '', companyIds: [], memberIds: [], offer: '20', wait: '600' };
const draftOf = (q: Queue): Draft => ({
  name: q.name,
  companyIds: q.companyIds,
  memberIds: q.memberIds,
  offer: String(q.offerTimeoutSeconds),
  wait: String(q.maxWaitSeconds),
});
const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

export function QueuesAdmin() {
  const [queues, setQueues] = useState<Queue[] | null>(null);
  const [companies, setCompanies] = useState<Company[]>([]);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  const reload = () =>
    routingApi.queues().then(
      (list) => setQueues(Array.isArray(list) ? list : []),
      (err) => setLoadError(err instanceof ApiError ? err.message : rt('loadFailed')),
    );
  useEffect(() => {
    void reload();
    adminPeopleApi.companies().then(setCompanies, () => setCompanies([]));
    adminPeopleApi.accounts().then(setAccounts, () => setAccounts([]));
  }, []);

  const names = (ids: string[], all: { id: string; name: string }[]) =>
    ids.map((id) => all.find((x) => x.id === id)?.name ?? id).join(', ') || rt('noneChosen');

  const save = async (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    const { id, draft } = editing;
    const body: QueueInput = {
      name: draft.name,
      companyIds: draft.companyIds,
      memberIds: draft.memberIds,
      offerTimeoutSeconds: Number(draft.offer),
      maxWaitSeconds: Number(draft.wait),
    };
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      if (id) await routingApi.updateQueue(id, body);
      else await routingApi.createQueue(body);
      setEditing(null);
      setMessage({ ok: true, text: id ? rt('saved') : rt('created', { name: draft.name.trim() }) });
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
      else setErrors({ _: [err instanceof ApiError ? err.message : rt('saveFailed')] });
    } finally {
      await reload();
      setBusy(false);
    }
  };

  const remove = async (q: Queue) => {
    setBusy(true);
    setMessage(null);
    try {
      await routingApi.deleteQueue(q.id);
      setMessage({ ok: true, text: rt('deleted', { name: q.name }) });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : rt('saveFailed') });
    } finally {
      await reload();
      setBusy(false);
    }
  };

  const fieldError = (field: string) =>
    errors[field]?.map((text) => (
      <span class="form-error small block" key={text} role="alert" data-testid={`queue-error-${field}`}>
        {text}
      </span>
    ));

  const form = (draft: Draft, id: string | null) => {
    const set = (patch: Partial<Draft>) => setEditing({ id, draft: { ...draft, ...patch } });
    return (
      <form
        class="form-grid"
        onSubmit={save}
        noValidate
        data-testid="queue-form"
        aria-label={id ? rt('editQueue', { name: draft.name }) : rt('newQueue')}
      >
        <div class="field span-2">
          <label class="field-label" for="queue-name">
            {rt('queueName')}
          </label>
          <input
            id="queue-name"
            value={draft.name}
            maxLength={100}
            disabled={busy}
            aria-invalid={errors.name ? true : undefined}
            onInput={(e) => set({ name: e.currentTarget.value })}
            data-testid="queue-name"
          />
          {fieldError('name')}
        </div>
        <fieldset class="field" data-testid="queue-companies">
          <legend class="field-label">{rt('queueCompanies')}</legend>
          {companies.map((c) => (
            <label key={c.id} class="check-row">
              <input
                type="checkbox"
                checked={draft.companyIds.includes(c.id)}
                disabled={busy}
                onChange={() => set({ companyIds: toggle(draft.companyIds, c.id) })}
                data-company={c.name}
              />{' '}
              {c.name}
            </label>
          ))}
          {fieldError('companyIds')}
        </fieldset>
        <fieldset class="field" data-testid="queue-members">
          <legend class="field-label">{rt('queueMembers')}</legend>
          {accounts
            .filter((a) => a.active)
            .map((a) => (
              <label key={a.id} class="check-row">
                <input
                  type="checkbox"
                  checked={draft.memberIds.includes(a.id)}
                  disabled={busy}
                  onChange={() => set({ memberIds: toggle(draft.memberIds, a.id) })}
                  data-member={a.email}
                />{' '}
                {a.name}
              </label>
            ))}
          {fieldError('memberIds')}
        </fieldset>
        <div class="field">
          <label class="field-label" for="queue-offer">
            {rt('queueOfferTimeout')}
          </label>
          <input
            id="queue-offer"
            type="number"
            min={5}
            max={600}
            value={draft.offer}
            disabled={busy}
            aria-invalid={errors.offerTimeoutSeconds ? true : undefined}
            onInput={(e) => set({ offer: e.currentTarget.value })}
            data-testid="queue-offer"
          />
          {fieldError('offerTimeoutSeconds')}
        </div>
        <div class="field">
          <label class="field-label" for="queue-wait">
            {rt('queueMaxWait')}
          </label>
          <input
            id="queue-wait"
            type="number"
            min={30}
            max={86400}
            value={draft.wait}
            disabled={busy}
            aria-invalid={errors.maxWaitSeconds ? true : undefined}
            onInput={(e) => set({ wait: e.currentTarget.value })}
            data-testid="queue-wait"
          />
          {fieldError('maxWaitSeconds')}
        </div>
        {fieldError('_')}
        <div class="form-actions span-2">
          <button type="button" class="btn btn-ghost" onClick={() => setEditing(null)}>
            {rt('cancel')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={busy} data-testid="queue-submit">
            {id ? rt('save') : rt('addQueue')}
          </button>
        </div>
      </form>
    );
  };

  return (
    <section class="card" aria-labelledby="queues-heading" aria-busy={queues === null} data-testid="queues-admin">
      <h2 id="queues-heading" class="card-title">
        {rt('queuesTitle')}
      </h2>
      <p class="muted small">{rt('queuesIntro')}</p>
      {loadError && (
        <p class="form-error" role="alert">
          {loadError}
        </p>
      )}
      {message && (
        <p
          class={message.ok ? 'muted small' : 'form-error small'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="admin-message"
        >
          {message.text}
        </p>
      )}
      {editing ? (
        form(editing.draft, editing.id)
      ) : (
        <button
          type="button"
          class="btn btn-primary btn-sm"
          disabled={busy}
          onClick={() => {
            setErrors({});
            setEditing({ id: null, draft: EMPTY });
          }}
          data-testid="queue-new"
        >
          {rt('newQueue')}
        </button>
      )}
      {queues && queues.length === 0 && <p class="muted">{rt('noQueues')}</p>}
      {queues && queues.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="queues-table">
            <thead>
              <tr>
                <th scope="col">{rt('queueName')}</th>
                <th scope="col">{rt('queueCompanies')}</th>
                <th scope="col">{rt('queueMembers')}</th>
                <th scope="col">{rt('queueTimers')}</th>
                <th scope="col">
                  <span class="visually-hidden">{rt('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {queues.map((q) => (
                <tr key={q.id} data-testid="queue-row" data-name={q.name}>
                  <td>{q.name}</td>
                  <td data-testid="queue-row-companies">{names(q.companyIds, companies)}</td>
                  <td data-testid="queue-row-members">{names(q.memberIds, accounts)}</td>
                  <td data-testid="queue-row-timers">
                    {rt('queueTimersValue', { offer: q.offerTimeoutSeconds, wait: q.maxWaitSeconds })}
                  </td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      disabled={busy}
                      onClick={() => {
                        setErrors({});
                        setEditing({ id: q.id, draft: draftOf(q) });
                      }}
                      data-testid="queue-edit"
                    >
                      {rt('edit')}
                    </button>
                    <ConfirmDelete name={q.name} disabled={busy} onConfirm={() => void remove(q)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
