// "New ticket" form: a technician opens a ticket on behalf of a contact (POST /api/tickets).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.client';
import type { Me } from '../lib/api.types';
import { ticketsApi } from '../lib/tickets.api';
import type { Impact, PersonRef, Priority, TicketType } from '../lib/tickets.types';
import { linkClick, navigate } from '../lib/router.hook';
import { impacts, priorities, types } from '../lib/format';
import { PageTitle } from '../components/page-title.component';
import { PeoplePicker, type PickOption } from '../components/tickets/people-picker.component';
import { contactOptions, technicianOptions } from '../components/tickets/pick-options';
import { tk } from '../lib/tickets.i18n';
import { tp } from '../lib/ticket-page.i18n';

export function NewTicketPage({ me }: { me: Me }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [requester, setRequester] = useState<PickOption[]>([]);
  const [cc, setCc] = useState<PickOption[]>([]);
  const [priority, setPriority] = useState<Priority>('medium');
  const [impact, setImpact] = useState<Impact>('minor');
  const [type, setType] = useState<TicketType>('incident');
  const [assigneeId, setAssigneeId] = useState('');
  const [contacts, setContacts] = useState<PickOption[]>([]);
  const [companyOf, setCompanyOf] = useState<Map<string, string>>(new Map());
  const [technicians, setTechnicians] = useState<PersonRef[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const errorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    ticketsApi.contacts().then(
      (list) => {
        setContacts(contactOptions(list));
        setCompanyOf(new Map(list.map((c) => [c.id, c.companyId])));
      },
      () => setError(tp('contactsFailed')),
    );
  }, []);

  // The requester decides the company: only technicians serving it are offered (#13.6).
  const companyId = requester[0] ? companyOf.get(requester[0].id) : undefined;
  useEffect(() => {
    ticketsApi.technicians(me, companyId).then(
      (list) => {
        setTechnicians(list);
        const ids = new Set(list.map((t) => t.id));
        setAssigneeId((current) => (current && !ids.has(current) ? '' : current));
        setCc((current) => current.filter((c) => c.kind !== 'account' || ids.has(c.id)));
      },
      () => undefined,
    );
  }, [companyId]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const local: Record<string, string[]> = {};
    if (!title.trim()) local.title = [tp('enterTitle')];
    if (!description.trim()) local.description = [tp('describe')];
    if (!requester.length) local.requesterId = [tp('chooseRequester')];
    setFieldErrors(local);
    if (Object.keys(local).length) {
      setError(tp('fixFields'));
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const ticket = await ticketsApi.create({
        title: title.trim(),
        description: description.trim(),
        requesterId: requester[0].id,
        priority,
        impact,
        type,
        assigneeId: assigneeId || undefined,
        cc: cc.length ? cc.map((c) => ({ kind: c.kind, id: c.id })) : undefined,
      });
      navigate(`/tickets/${ticket.number}`);
    } catch (err) {
      setBusy(false);
      setError(err instanceof ApiError ? err.message : tp('createFailed'));
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors);
      requestAnimationFrame(() => errorRef.current?.focus());
    }
  };

  const fe = (k: string) => fieldErrors[k]?.join(', ');
  const ccOptions = [...contacts, ...technicianOptions(technicians)];

  return (
    <>
      <a class="back-link" href="/tickets" onClick={(e) => linkClick(e, '/tickets')}>
        {tp('backToTickets')}
      </a>
      <PageTitle title={tk('newTicket')}>{tk('newTicket')}</PageTitle>
      <form class="card form-grid" onSubmit={submit} noValidate data-testid="new-ticket-form">
        {error && (
          <p class="form-error" role="alert" tabIndex={-1} ref={errorRef} data-testid="new-ticket-error">
            {error}
          </p>
        )}
        <label class="field span-2">
          <span class="field-label">{tp('titleRequired')}</span>
          <input
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
            maxLength={250}
            aria-invalid={fe('title') ? true : undefined}
            data-testid="new-ticket-title"
          />
          {fe('title') && <span class="field-error">{fe('title')}</span>}
        </label>
        <div class="span-2">
          <PeoplePicker
            label={tk('requester')}
            required
            max={1}
            options={contacts}
            selected={requester}
            onChange={setRequester}
            placeholder={tp('searchContacts')}
            error={fe('requesterId')}
            testId="requester-picker"
          />
        </div>
        <label class="field span-2">
          <span class="field-label">{tp('descriptionRequired')}</span>
          <textarea
            rows={6}
            value={description}
            onInput={(e) => setDescription(e.currentTarget.value)}
            aria-invalid={fe('description') ? true : undefined}
            data-testid="new-ticket-description"
          />
          {fe('description') && <span class="field-error">{fe('description')}</span>}
        </label>
        <label class="field">
          <span class="field-label">{tk('priority')}</span>
          <select
            value={priority}
            onChange={(e) => setPriority(e.currentTarget.value as Priority)}
            data-testid="new-ticket-priority"
          >
            {priorities().map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field-label">{tp('impact')}</span>
          <select
            value={impact}
            onChange={(e) => setImpact(e.currentTarget.value as Impact)}
            data-testid="new-ticket-impact"
          >
            {impacts().map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field-label">{tk('type')}</span>
          <select
            value={type}
            onChange={(e) => setType(e.currentTarget.value as TicketType)}
            data-testid="new-ticket-type"
          >
            {types().map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field-label">{tk('assignee')}</span>
          <select
            value={assigneeId}
            onChange={(e) => setAssigneeId(e.currentTarget.value)}
            data-testid="new-ticket-assignee"
          >
            <option value="">{tk('unassigned')}</option>
            {technicians.map((t) => (
              <option key={t.id} value={t.id}>
                {t.id === me.id ? tp('meSuffix', { name: t.name }) : t.name}
              </option>
            ))}
          </select>
        </label>
        <div class="span-2">
          <PeoplePicker
            label={tp('ccLabel')}
            options={ccOptions}
            selected={cc}
            onChange={setCc}
            placeholder={tp('ccPlaceholder')}
            hint={tp('ccNewHint')}
            testId="new-ticket-cc"
          />
        </div>
        <div class="form-actions span-2">
          <a class="btn btn-secondary" href="/tickets" onClick={(e) => linkClick(e, '/tickets')}>
            {tp('cancel')}
          </a>
          <button
            type="submit"
            class="btn btn-primary"
            disabled={busy}
            aria-busy={busy}
            data-testid="new-ticket-submit"
          >
            {busy ? tp('creating') : tp('create')}
          </button>
        </div>
      </form>
    </>
  );
}
