// Admin: the email channel's outbound queue (mails waiting for a retry or failed for good, with a
// retry button) and the mail templates per event (subject, plain-text and HTML parts; reset to default).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request } from '../../lib/api.client';
import { formatDateTime } from '../../lib/format';

interface OutboxMail {
  id: string;
  to: string[];
  subject: string;
  status: 'recorded' | 'sent' | 'retrying' | 'failed';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

interface EmailTemplate {
  event: string;
  subject: string;
  text: string;
  html: string;
  custom: boolean;
  placeholders: string[];
}

const EVENT_LABEL: Record<string, string> = {
  'ticket.acknowledgement': 'New ticket acknowledgement',
  'ticket.reply': 'Public reply',
  'ticket.status': 'Status change',
  'sender.rejected': 'Refused sender',
};

const emailApi = {
  queue: async () => {
    const [failed, retrying] = await Promise.all([
      request<{ items: OutboxMail[] }>('GET', '/api/outbox?status=failed&limit=50'),
      request<{ items: OutboxMail[] }>('GET', '/api/outbox?status=retrying&limit=50'),
    ]);
    return [...failed.items, ...retrying.items];
  },
  retry: (id: string) => request<OutboxMail>('POST', `/api/outbox/${id}/retry`),
  templates: () => request<EmailTemplate[]>('GET', '/api/email-templates'),
  save: (event: string, t: Pick<EmailTemplate, 'subject' | 'text' | 'html'>) =>
    request<EmailTemplate>('PUT', `/api/email-templates/${event}`, t),
  reset: (event: string) => request<EmailTemplate>('DELETE', `/api/email-templates/${event}`),
};

const messageOf = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

export function EmailAdmin() {
  return (
    <>
      <OutboundQueue />
      <EmailTemplates />
    </>
  );
}

function OutboundQueue() {
  const [mails, setMails] = useState<OutboxMail[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const reload = () =>
    emailApi.queue().then(setMails, (err) => setError(messageOf(err, 'Could not load the outbound queue')));
  useEffect(() => void reload(), []);

  const retry = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      const result = await emailApi.retry(id);
      if (result.status !== 'sent') setError(`Still not delivered: ${result.lastError ?? 'unknown error'}`);
    } catch (err) {
      setError(messageOf(err, 'Retry failed'));
    } finally {
      setBusy(null);
      await reload();
    }
  };

  return (
    <section class="card" aria-labelledby="mail-queue-heading" aria-busy={mails === null}>
      <h2 id="mail-queue-heading" class="card-title">
        Outbound email
      </h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {mails === null && !error && <p class="muted">Loading…</p>}
      {mails?.length === 0 && (
        <p class="muted">
          No mail is waiting or failed: everything was delivered (or only recorded, without an SMTP relay).
        </p>
      )}
      {mails && mails.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="mail-queue">
            <thead>
              <tr>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">State</th>
                <th scope="col">Last error</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id} data-testid="mail-queue-row">
                  <td>{m.to.join(', ')}</td>
                  <td>{m.subject}</td>
                  <td>
                    <span class={`pill pill-${m.status === 'failed' ? 'warn' : 'off'}`}>{m.status}</span>
                    <span class="muted small block">
                      {m.attempts} attempt{m.attempts === 1 ? '' : 's'}
                      {m.nextAttemptAt ? ` · next ${formatDateTime(m.nextAttemptAt)}` : ''}
                    </span>
                  </td>
                  <td class="small">{m.lastError ?? ''}</td>
                  <td>
                    <button type="button" class="btn" disabled={busy === m.id} onClick={() => retry(m.id)}>
                      {busy === m.id ? 'Retrying…' : 'Retry now'}
                    </button>
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

function EmailTemplates() {
  const [templates, setTemplates] = useState<EmailTemplate[] | null>(null);
  const [event, setEvent] = useState('ticket.acknowledgement');
  const [draft, setDraft] = useState<Pick<EmailTemplate, 'subject' | 'text' | 'html'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    emailApi.templates().then(setTemplates, (err) => setError(messageOf(err, 'Could not load the templates')));
  }, []);
  const current = templates?.find((t) => t.event === event) ?? null;
  // A new draft when another mail is picked (or the list first arrives), not after each save.
  useEffect(() => {
    if (current) setDraft({ subject: current.subject, text: current.text, html: current.html });
    setFieldErrors({});
    setSaved(false);
  }, [event, templates === null]);

  const replace = (t: EmailTemplate) => {
    setTemplates((list) => (list ?? []).map((x) => (x.event === t.event ? t : x)));
    setDraft({ subject: t.subject, text: t.text, html: t.html });
  };
  const save = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    setFieldErrors({});
    try {
      replace(await emailApi.save(event, draft));
      setSaved(true);
    } catch (err) {
      setError(messageOf(err, 'Could not save the template'));
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors);
    }
  };
  const reset = async () => {
    setError(null);
    try {
      replace(await emailApi.reset(event));
      setSaved(false);
    } catch (err) {
      setError(messageOf(err, 'Could not reset the template'));
    }
  };

  return (
    <section class="card" aria-labelledby="mail-templates-heading" aria-busy={templates === null}>
      <h2 id="mail-templates-heading" class="card-title">
        Email templates
      </h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {templates && draft && (
        <form onSubmit={save} data-testid="mail-template-form">
          <label class="field">
            <span>Mail</span>
            <select value={event} onChange={(e) => setEvent((e.target as HTMLSelectElement).value)}>
              {templates.map((t) => (
                <option key={t.event} value={t.event}>
                  {EVENT_LABEL[t.event] ?? t.event}
                  {t.custom ? ' (customised)' : ''}
                </option>
              ))}
            </select>
          </label>
          {(['subject', 'text', 'html'] as const).map((part) => (
            <label class="field" key={part}>
              <span>{part === 'subject' ? 'Subject' : part === 'text' ? 'Plain-text part' : 'HTML part'}</span>
              {part === 'subject' ? (
                <input
                  value={draft.subject}
                  onInput={(e) => setDraft({ ...draft, subject: (e.target as HTMLInputElement).value })}
                />
              ) : (
                <textarea
                  rows={part === 'text' ? 8 : 6}
                  class="mono"
                  value={draft[part]}
                  onInput={(e) => setDraft({ ...draft, [part]: (e.target as HTMLTextAreaElement).value })}
                />
              )}
              {fieldErrors[part]?.map((m) => (
                <span class="form-error" key={m}>
                  {m}
                </span>
              ))}
            </label>
          ))}
          <p class="muted small">
            Placeholders: {current?.placeholders.map((p) => `{{${p}}}`).join(' ')}. Use triple braces in the subject and
            the plain-text part so text is not HTML-escaped.
          </p>
          <div class="form-actions">
            <button type="submit" class="btn btn-primary">
              Save
            </button>
            {current?.custom && (
              <button type="button" class="btn" onClick={reset}>
                Reset to default
              </button>
            )}
            {saved && (
              <span class="muted small" role="status">
                Saved
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
