// Reply composer: public reply or internal note, optional status change on send, Cc, @notify (internal
// notes only) and quick replies. Drafts survive navigation (sessionStorage, per ticket).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { MAX_UPLOAD_BYTES, uploadFile } from '../../lib/files.api';
import { ticketsApi } from '../../lib/tickets.api';
import type { Comment, Ticket, TicketStatus, Visibility } from '../../lib/tickets.types';
import { statusName } from '../../lib/format';
import { AttachmentList, type PendingFile } from './attachment-list.component';
import { PeoplePicker, type PickOption } from './people-picker.component';
import { QuickReplyPicker } from './quick-reply-picker.component';
import { AiComposeMenu } from './ai-compose-menu.component';
import { tk } from '../../lib/tickets.i18n';
import { tp } from '../../lib/ticket-page.i18n';
import { localLabel } from '../../lib/label';

interface Props {
  ticket: Ticket;
  statuses: TicketStatus[];
  defaultVisibility: Visibility;
  ccOptions: PickOption[];
  technicianOptions: PickOption[];
  onSent(comment: Comment, statusChanged: boolean): void;
}

const draftKey = (n: number) => `sb:draft:${n}`;

export function TicketComposer({ ticket, statuses, defaultVisibility, ccOptions, technicianOptions, onSent }: Props) {
  const [body, setBody] = useState(() => sessionStorage.getItem(draftKey(ticket.number)) ?? '');
  const [visibility, setVisibility] = useState<Visibility>(defaultVisibility);
  const [touchedVisibility, setTouchedVisibility] = useState(false);
  const [status, setStatus] = useState('');
  const [cc, setCc] = useState<PickOption[]>([]);
  const [notify, setNotify] = useState<PickOption[]>([]);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  // The default arrives asynchronously (setting); only apply it if the user has not chosen yet.
  useEffect(() => {
    if (!touchedVisibility) setVisibility(defaultVisibility);
  }, [defaultVisibility]);
  useEffect(() => {
    if (body) sessionStorage.setItem(draftKey(ticket.number), body);
    else sessionStorage.removeItem(draftKey(ticket.number));
  }, [body]);

  const internal = visibility === 'internal';
  const alreadyCc = new Set(ticket.cc.map((c) => `${c.kind}:${c.id}`));

  const insert = (text: string) => {
    const el = textarea.current;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const next = body.slice(0, start) + text + body.slice(end);
    setBody(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const patchFile = (key: string, patch: Partial<PendingFile>) =>
    setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...patch } : f)));

  /** Upload as soon as picked, so sending is instant; 20 MB per message in total, like the server. */
  const pickFiles = (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      const key = `${file.name}:${file.size}:${Math.random().toString(36).slice(2)}`;
      const total = files.reduce((sum, f) => sum + (f.error ? 0 : f.size), 0) + file.size;
      const tooBig = total > MAX_UPLOAD_BYTES ? tp('tooBig') : undefined;
      setFiles((prev) => [...prev, { key, name: file.name, size: file.size, progress: 0, error: tooBig }]);
      if (tooBig) continue;
      uploadFile(file, ticket.companyId, (progress) => patchFile(key, { progress })).then(
        (uploaded) => patchFile(key, { id: uploaded.id, progress: 1 }),
        (err: Error) => patchFile(key, { error: err.message }),
      );
    }
  };

  const send = async (e?: Event) => {
    e?.preventDefault();
    if (busy) return;
    if (files.some((f) => !f.id && !f.error)) {
      setError(tp('waitUploads'));
      return;
    }
    if (!body.trim()) {
      setError(tp('writeFirst'));
      textarea.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const comment = await ticketsApi.addComment(ticket.number, {
        body,
        visibility,
        status: status || undefined,
        cc: cc.length ? cc.map((c) => ({ kind: c.kind, id: c.id })) : undefined,
        notify: internal && notify.length ? notify.map((n) => n.id) : undefined,
        attachmentIds: files.some((f) => f.id) ? files.filter((f) => f.id).map((f) => f.id!) : undefined,
      });
      setFiles([]);
      onSent(comment, !!status && status !== ticket.status);
      setBody('');
      setStatus('');
      setCc([]);
      setNotify([]);
      textarea.current?.focus();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : tp('sendFailed'));
    } finally {
      setBusy(false);
    }
  };

  const pickVisibility = (v: Visibility) => {
    setVisibility(v);
    setTouchedVisibility(true);
  };

  return (
    <form
      class={`composer${internal ? ' is-internal' : ''}`}
      onSubmit={send}
      data-testid="ticket-composer"
      aria-label={tp('reply')}
    >
      <div class="composer-top">
        <div
          class="segmented"
          role="radiogroup"
          aria-label={tp('messageType')}
          data-testid="composer-visibility"
          data-value={visibility}
        >
          {(['public', 'internal'] as const).map((v) => (
            <label
              key={v}
              class={`segment${visibility === v ? ' is-on' : ''}`}
              data-testid={`composer-visibility-${v}`}
            >
              <input
                type="radio"
                name={`visibility-${ticket.number}`}
                value={v}
                checked={visibility === v}
                onChange={() => pickVisibility(v)}
              />
              {v === 'public' ? tp('publicReply') : tk('internalNote')}
            </label>
          ))}
        </div>
        <QuickReplyPicker ticketNumber={ticket.number} onInsert={insert} disabled={busy} />
        {!internal && <AiComposeMenu ticketNumber={ticket.number} body={body} setBody={setBody} disabled={busy} />}
      </div>
      <label class="visually-hidden" for={`composer-body-${ticket.number}`}>
        {internal ? tp('noteLabel') : tp('replyLabel')}
      </label>
      <textarea
        ref={textarea}
        id={`composer-body-${ticket.number}`}
        class="composer-body"
        rows={5}
        placeholder={internal ? tp('notePlaceholder') : tp('replyPlaceholder')}
        value={body}
        onInput={(e) => setBody(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send(e);
        }}
        aria-describedby={`composer-help-${ticket.number}`}
        data-testid="composer-body"
      />
      <p id={`composer-help-${ticket.number}`} class="small muted">
        {internal ? tp('noteHelp') : tp('replyHelp')} {tp('sendHint')}
      </p>
      <div class="composer-pickers">
        <PeoplePicker
          label={tp('ccLabel')}
          options={ccOptions.filter((o) => !alreadyCc.has(o.key))}
          selected={cc}
          onChange={setCc}
          placeholder={tp('ccPlaceholder')}
          hint={ticket.cc.length ? tp('alreadyCc', { list: ticket.cc.map((c) => c.name).join(', ') }) : tp('ccHint')}
          testId="cc-picker"
          disabled={busy}
        />
        {internal && (
          <PeoplePicker
            label={tp('notifyLabel')}
            options={technicianOptions}
            selected={notify}
            onChange={setNotify}
            placeholder={tp('notifyPlaceholder')}
            hint={tp('notifyHint')}
            testId="notify-picker"
            disabled={busy}
          />
        )}
      </div>
      {error && (
        <p class="form-error" role="alert" data-testid="composer-error">
          {error}
        </p>
      )}
      <AttachmentList files={files} onRemove={(key) => setFiles((list) => list.filter((f) => f.key !== key))} />
      <div class="composer-actions">
        <label class="btn btn-secondary file-pick" data-testid="composer-attach">
          {tp('attachFiles')}
          <input
            type="file"
            multiple
            class="visually-hidden"
            onChange={(e) => {
              pickFiles(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
            disabled={busy}
          />
        </label>
        <label class="inline-field">
          <span class="field-label">{tp('statusAfter')}</span>
          <select
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            disabled={busy}
            data-testid="composer-status"
          >
            <option value="">{tp('keepCurrent', { status: statusName(statuses, ticket.status) })}</option>
            {statuses.map((s) => (
              <option key={s.key} value={s.key}>
                {localLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy} data-testid="composer-submit">
          {busy ? tp('sending') : internal ? tp('addNote') : tp('sendReply')}
        </button>
      </div>
    </form>
  );
}
