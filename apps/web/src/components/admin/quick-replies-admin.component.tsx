// Admin → Quick replies: the shared templates and the admin's own; create/edit (title, text with the
// placeholders the API lists, inserted at the cursor), delete. The API refuses unknown placeholders.
import { useEffect, useRef, useState } from 'preact/hooks';
import { adminConfigApi, type QuickReply } from '../../lib/admin-config.api';
import { act } from '../../lib/admin-config.i18n';
import { ApiError } from '../../lib/api.client';
import { AdminAlert } from './admin-alert.component';
import { AdminMessage } from './admin-message.component';
import { ConfirmDelete } from './confirm-delete.component';
import { FieldErrors } from './field-errors.component';
import { adminErrorText, useAdminList } from './use-admin-list.hook';

type Editing = {
  id: string | null;
  name: string;
  nameFr: string;
  body: string;
  bodyFr: string;
  shared: boolean;
} | null;

export function QuickRepliesAdmin() {
  const { items: replies, loadError, busy, message, setMessage, run } = useAdminList(adminConfigApi.quickReplies);
  const [placeholders, setPlaceholders] = useState<string[]>([]);
  const [editing, setEditing] = useState<Editing>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const body = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    adminConfigApi.placeholders().then(setPlaceholders, () => setPlaceholders([]));
  }, []);

  const open = (e: Editing) => {
    setEditing(e);
    setErrors({});
    setMessage(null);
  };

  const insert = (path: string) => {
    if (!editing) return;
    const el = body.current;
    const token = `{{${path}}}`;
    const start = el?.selectionStart ?? editing.body.length;
    const end = el?.selectionEnd ?? start;
    const next = editing.body.slice(0, start) + token + editing.body.slice(end);
    setEditing({ ...editing, body: next });
    // Back to the text, cursor after the placeholder.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    const current = editing;
    setErrors({});
    await run(
      async () => {
        const saved = current.id
          ? await adminConfigApi.updateQuickReply(current.id, {
              name: current.name,
              nameFr: current.nameFr,
              body: current.body,
              bodyFr: current.bodyFr,
            })
          : await adminConfigApi.createQuickReply({
              name: current.name,
              nameFr: current.nameFr,
              body: current.body,
              bodyFr: current.bodyFr,
              shared: current.shared,
            });
        setEditing(null);
        return saved;
      },
      (saved) => (current.id ? act('saved') : act('created', { name: saved.name })),
      (err) => {
        if (err instanceof ApiError && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
        else setErrors({ _: [adminErrorText(err)] });
      },
    );
  };

  const remove = (r: QuickReply) =>
    run(
      async () => {
        await adminConfigApi.deleteQuickReply(r.id);
        if (editing?.id === r.id) setEditing(null);
      },
      act('deleted', { name: r.name }),
    );

  return (
    <section
      class="card"
      aria-labelledby="quick-replies-heading"
      aria-busy={replies === null}
      data-testid="quick-replies-admin"
    >
      <div class="page-head">
        <h2 id="quick-replies-heading" class="card-title">
          {act('quickRepliesTitle')}
        </h2>
        <button
          type="button"
          class="btn btn-primary btn-sm"
          disabled={busy}
          onClick={() => open({ id: null, name: '', nameFr: '', body: '', bodyFr: '', shared: true })}
          data-testid="quick-reply-new"
        >
          {act('newQuickReply')}
        </button>
      </div>
      <AdminAlert text={loadError} />
      <AdminMessage message={message} />
      {editing && (
        <form class="portal-form quick-reply-form" onSubmit={save} noValidate data-testid="quick-reply-form">
          <h3 class="small">{editing.id ? act('editQuickReply', { name: editing.name }) : act('newQuickReply')}</h3>
          <div class="field">
            <label class="field-label" for="quick-reply-name">
              {act('quickReplyTitle')}
            </label>
            <input
              id="quick-reply-name"
              name="name"
              value={editing.name}
              maxLength={100}
              disabled={busy}
              aria-invalid={errors.name ? true : undefined}
              onInput={(e) => setEditing({ ...editing, name: e.currentTarget.value })}
            />
            <FieldErrors errors={errors} field="name" />
          </div>
          <div class="field">
            <label class="field-label" for="quick-reply-name-fr">
              {act('frenchLabel')}
            </label>
            <input
              id="quick-reply-name-fr"
              name="nameFr"
              lang="fr"
              value={editing.nameFr}
              maxLength={100}
              disabled={busy}
              aria-invalid={errors.nameFr ? true : undefined}
              aria-describedby="quick-reply-name-fr-hint"
              onInput={(e) => setEditing({ ...editing, nameFr: e.currentTarget.value })}
            />
            <span id="quick-reply-name-fr-hint" class="muted small block">
              {act('frenchLabelHint')}
            </span>
            <FieldErrors errors={errors} field="nameFr" />
          </div>
          <div class="field">
            <label class="field-label" for="quick-reply-body">
              {act('quickReplyBody')}
            </label>
            <textarea
              id="quick-reply-body"
              name="body"
              ref={body}
              rows={6}
              value={editing.body}
              disabled={busy}
              aria-invalid={errors.body ? true : undefined}
              aria-describedby="quick-reply-placeholders-hint"
              onInput={(e) => setEditing({ ...editing, body: e.currentTarget.value })}
            />
            <FieldErrors errors={errors} field="body" />
          </div>
          <div class="field">
            <label class="field-label" for="quick-reply-body-fr">
              {act('quickReplyBodyFr')}
            </label>
            <textarea
              id="quick-reply-body-fr"
              name="bodyFr"
              lang="fr"
              rows={4}
              value={editing.bodyFr}
              disabled={busy}
              aria-invalid={errors.bodyFr ? true : undefined}
              aria-describedby="quick-reply-body-fr-hint"
              onInput={(e) => setEditing({ ...editing, bodyFr: e.currentTarget.value })}
            />
            <span id="quick-reply-body-fr-hint" class="muted small block">
              {act('quickReplyBodyFrHint')}
            </span>
            <FieldErrors errors={errors} field="bodyFr" />
          </div>
          {placeholders.length > 0 && (
            <div class="field" role="group" aria-labelledby="quick-reply-placeholders-label">
              <span class="field-label" id="quick-reply-placeholders-label">
                {act('placeholders')}
              </span>
              <span class="placeholder-chips">
                {placeholders.map((p) => (
                  <button
                    type="button"
                    key={p}
                    class="chip mono"
                    disabled={busy}
                    onClick={() => insert(p)}
                    data-testid="placeholder"
                    data-placeholder={p}
                  >
                    {`{{${p}}}`}
                  </button>
                ))}
              </span>
              <span id="quick-reply-placeholders-hint" class="muted small block">
                {act('placeholdersHint')}
              </span>
            </div>
          )}
          {!editing.id && (
            <label class="checkbox-line">
              <input
                type="checkbox"
                name="shared"
                checked={editing.shared}
                disabled={busy}
                onChange={(e) => setEditing({ ...editing, shared: e.currentTarget.checked })}
              />{' '}
              {act('quickReplyShared')}
            </label>
          )}
          <FieldErrors errors={errors} field="shared" />
          <FieldErrors errors={errors} field="_" />
          <div class="plugin-settings-actions">
            <button type="submit" class="btn btn-primary btn-sm" disabled={busy} data-testid="quick-reply-save">
              {busy ? act('saving') : act('save')}
            </button>
            <button type="button" class="btn btn-ghost btn-sm" onClick={() => setEditing(null)}>
              {act('cancel')}
            </button>
          </div>
        </form>
      )}
      {replies && replies.length === 0 && !editing && <p class="muted">{act('noQuickReplies')}</p>}
      {replies && replies.length > 0 && (
        <div class="table-wrap">
          <table class="table" data-testid="quick-replies-table">
            <thead>
              <tr>
                <th scope="col">{act('quickReplyTitle')}</th>
                <th scope="col">{act('quickReplyBody')}</th>
                <th scope="col">
                  <span class="visually-hidden">{act('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {replies.map((r) => (
                <tr key={r.id} data-testid="quick-reply-row" data-name={r.name}>
                  <td>
                    <span class="block">{r.name}</span>
                    {r.nameFr && (
                      <span class="muted small block" lang="fr" data-testid="quick-reply-name-fr">
                        {r.nameFr}
                      </span>
                    )}
                    <span class={`pill pill-${r.shared ? 'ok' : 'off'}`}>
                      {r.shared ? act('quickReplySharedPill') : act('quickReplyPersonal')}
                    </span>
                  </td>
                  <td class="quick-reply-preview small" data-testid="quick-reply-body">
                    {r.body.length > 160 ? `${r.body.slice(0, 160)}…` : r.body}
                  </td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="btn btn-ghost btn-sm"
                      disabled={busy}
                      onClick={() =>
                        open({
                          id: r.id,
                          name: r.name,
                          nameFr: r.nameFr ?? '',
                          body: r.body,
                          bodyFr: r.bodyFr ?? '',
                          shared: r.shared,
                        })
                      }
                      data-testid="quick-reply-edit"
                    >
                      {act('edit')}
                    </button>
                    <ConfirmDelete name={r.name} disabled={busy} onConfirm={() => void remove(r)} />
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
