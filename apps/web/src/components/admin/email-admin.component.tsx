// Admin: the email channel's outbound queue (mails waiting for a retry or failed for good, with a
// retry button) and the mail templates per event (subject, plain-text and HTML parts; reset to default).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request } from '../../lib/api.client';
import { emt, emtOr } from '../../lib/email-admin.i18n';
import { adminDateTime } from '../../lib/admin.i18n';

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

type MailLanguage = 'en' | 'fr';
const MAIL_LANGUAGES: MailLanguage[] = ['en', 'fr'];

interface EmailTemplate {
  event: string;
  language: MailLanguage;
  subject: string;
  text: string;
  html: string;
  custom: boolean;
  placeholders: string[];
}

const emailApi = {
  queue: async () => {
    const [failed, retrying] = await Promise.all([
      request<{ items: OutboxMail[] }>('GET', '/api/outbox?status=failed&limit=50'),
      request<{ items: OutboxMail[] }>('GET', '/api/outbox?status=retrying&limit=50'),
    ]);
    return [...failed.items, ...retrying.items];
  },
  retry: (id: string) => request<OutboxMail>('POST', `/api/outbox/${id}/retry`),
  templates: (language: MailLanguage) => request<EmailTemplate[]>('GET', `/api/email-templates?language=${language}`),
  save: (event: string, language: MailLanguage, t: Pick<EmailTemplate, 'subject' | 'text' | 'html'>) =>
    request<EmailTemplate>('PUT', `/api/email-templates/${event}?language=${language}`, t),
  reset: (event: string, language: MailLanguage) =>
    request<EmailTemplate>('DELETE', `/api/email-templates/${event}?language=${language}`),
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

  const reload = () => emailApi.queue().then(setMails, (err) => setError(messageOf(err, emt('queueLoadFailed'))));
  useEffect(() => void reload(), []);

  const retry = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      const result = await emailApi.retry(id);
      if (result.status !== 'sent')
        setError(emt('stillNotDelivered', { error: result.lastError ?? emt('unknownError') }));
    } catch (err) {
      setError(messageOf(err, emt('retryFailed')));
    } finally {
      setBusy(null);
      await reload();
    }
  };

  return (
    <section class="card" aria-labelledby="mail-queue-heading" aria-busy={mails === null}>
      <h2 id="mail-queue-heading" class="card-title">
        {emt('queueTitle')}
      </h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {mails === null && !error && <p class="muted">{emt('loading')}</p>}
      {mails?.length === 0 && <p class="muted">{emt('queueEmpty')}</p>}
      {mails && mails.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="mail-queue">
            <thead>
              <tr>
                <th scope="col">{emt('to')}</th>
                <th scope="col">{emt('subject')}</th>
                <th scope="col">{emt('state')}</th>
                <th scope="col">{emt('lastError')}</th>
                <th scope="col">
                  <span class="visually-hidden">{emt('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id} data-testid="mail-queue-row">
                  <td>{m.to.join(', ')}</td>
                  <td>{m.subject}</td>
                  <td>
                    <span class={`pill pill-${m.status === 'failed' ? 'warn' : 'off'}`}>
                      {emtOr(`status.${m.status}`, m.status)}
                    </span>
                    <span class="muted small block">
                      {emt('attempts', { count: m.attempts })}
                      {m.nextAttemptAt ? emt('nextAttempt', { when: adminDateTime(m.nextAttemptAt) }) : ''}
                    </span>
                  </td>
                  <td class="small">{m.lastError ?? ''}</td>
                  <td>
                    <button type="button" class="btn" disabled={busy === m.id} onClick={() => retry(m.id)}>
                      {busy === m.id ? emt('retrying') : emt('retry')}
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
  const [language, setLanguage] = useState<MailLanguage>('en');
  const [draft, setDraft] = useState<Pick<EmailTemplate, 'subject' | 'text' | 'html'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState(false);

  // Each language is its own list: switching reloads it (and the draft follows, below).
  useEffect(() => {
    setTemplates(null);
    emailApi.templates(language).then(setTemplates, (err) => setError(messageOf(err, emt('templatesLoadFailed'))));
  }, [language]);
  const current = templates?.find((t) => t.event === event) ?? null;
  // A new draft when another mail is picked (or the list first arrives), not after each save.
  useEffect(() => {
    if (current) setDraft({ subject: current.subject, text: current.text, html: current.html });
    setFieldErrors({});
    setSaved(false);
  }, [event, language, templates === null]);

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
      replace(await emailApi.save(event, language, draft));
      setSaved(true);
    } catch (err) {
      setError(messageOf(err, emt('templateSaveFailed')));
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors);
    }
  };
  const reset = async () => {
    setError(null);
    try {
      replace(await emailApi.reset(event, language));
      setSaved(false);
    } catch (err) {
      setError(messageOf(err, emt('templateResetFailed')));
    }
  };

  return (
    <section class="card" aria-labelledby="mail-templates-heading" aria-busy={templates === null}>
      <h2 id="mail-templates-heading" class="card-title">
        {emt('templatesTitle')}
      </h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {templates && draft && (
        <form onSubmit={save} data-testid="mail-template-form">
          <div class="admin-filters">
            <label class="field">
              <span>{emt('mail')}</span>
              <select
                data-testid="mail-template-event"
                value={event}
                onChange={(e) => setEvent((e.target as HTMLSelectElement).value)}
              >
                {templates.map((t) => (
                  <option key={t.event} value={t.event}>
                    {emtOr(`event.${t.event}`, t.event)}
                    {t.custom ? emt('customised') : ''}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>{emt('language')}</span>
              <select
                data-testid="mail-template-language"
                value={language}
                onChange={(e) => setLanguage((e.target as HTMLSelectElement).value as MailLanguage)}
              >
                {MAIL_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {emt(`lang.${l}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p class="muted small">{emt('languageNote')}</p>
          {(['subject', 'text', 'html'] as const).map((part) => (
            <label class="field" key={part}>
              <span>{emt(part === 'subject' ? 'partSubject' : part === 'text' ? 'partText' : 'partHtml')}</span>
              {part === 'subject' ? (
                <input
                  data-testid="mail-template-subject"
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
            {emt('placeholders', { list: (current?.placeholders ?? []).map((p) => `{{${p}}}`).join(' ') })}
          </p>
          <div class="form-actions">
            <button type="submit" class="btn btn-primary">
              {emt('save')}
            </button>
            {current?.custom && (
              <button type="button" class="btn" onClick={reset}>
                {emt('reset')}
              </button>
            )}
            {saved && (
              <span class="muted small" role="status">
                {emt('saved')}
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
