// Case details pane: who/what/where, device info, status actions (assign to me, resolve, reopen, leave
// chat, delete for admins once the chat ended), the live conversation and the email follow-up.
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import type { Me } from '../../lib/api.types';
import { casesApi } from '../../lib/cases.api';
import { ct } from '../../lib/chat-actions.i18n';
import type { CaseView } from '../../lib/cases.types';
import { casesMessages } from '../../lib/cases.i18n';
import { linkClick } from '../../lib/router.hook';
import { ConfirmDialog } from '../confirm-dialog.component';
import { ContactRoutingPanel } from '../routing/contact-routing-panel.component';
import { CaseConversation } from './case-conversation.component';
import { CaseRecordings } from './case-recordings.component';
import { CaseScreenShare } from './case-screen-share.component';
import { caseTimes, createdLine, customerName, endedLabel, statusLabel, typeLabel } from './case-format';

interface Props {
  c: CaseView;
  me: Me;
  now: number;
  onChange(c: CaseView): void;
  onDeleted(id: string): void;
  onBack(): void;
}

const { t } = casesMessages;

type Action = 'assign' | 'resolve' | 'reopen' | 'leave' | 'unassign';
type CaseStatus = CaseView['status'];

/** Which call moves a case from one status to another (null: not in one step). */
function transition(from: CaseStatus, to: CaseStatus): Action | null {
  if (to === 'unassigned') return from === 'unassigned' ? null : 'unassign';
  if (to === 'assigned') return from === 'unassigned' ? 'assign' : from === 'resolved' ? 'reopen' : null;
  return from === 'assigned' ? 'resolve' : null;
}

export function CaseDetail({ c, me, now, onChange, onDeleted, onBack }: Props) {
  const [busy, setBusy] = useState<Action | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [recordings, setRecordings] = useState(0);
  // A queue-routed chat whose queue an admin deleted: the agent can only end it (#14).
  const [queueDeleted, setQueueDeleted] = useState(false);
  // Asked into this chat by conference: the colleague writes too, the case stays its agent's (#14).
  const [conferenceJoined, setConferenceJoined] = useState(false);
  const confirm = useRef<HTMLDialogElement>(null);
  const mine = c.assignee?.id === me.id;
  const chatOpen = c.type === 'live_chat' && c.chatStatus !== 'ended';
  const canDelete = me.role === 'admin' && (c.chatStatus === 'ended' || (c.type === 'support_request' && !c.live));

  const act = async (action: Action) => {
    setBusy(action);
    setError(null);
    try {
      onChange(await casesApi[action](c.id));
    } catch (err) {
      // 409 CASE_ALREADY_ASSIGNED carries "This case was just assigned to <name>".
      setError(err instanceof ApiError ? err.message : ct('failed'));
      if (err instanceof ApiError && err.status === 409) casesApi.get(c.id).then(onChange, () => undefined);
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    confirm.current?.close();
    setBusy('delete');
    setError(null);
    try {
      await casesApi.remove(c.id);
      onDeleted(c.id);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('deleteFailed'));
      setBusy(null);
    }
  };

  const d = c.device ?? {};
  return (
    <article
      class="case-detail"
      aria-labelledby="case-detail-title"
      data-testid="case-detail"
      data-case-id={c.id}
      data-status={c.status}
      data-live={String(c.live)}
    >
      <button type="button" class="back-link link-btn case-back" onClick={onBack}>
        {t('back')}
      </button>
      <header class="case-detail-head">
        <div>
          <h2 id="case-detail-title" class="case-detail-title" tabIndex={-1}>
            {customerName(c)}
          </h2>
          <p class="muted small">
            {t('caseLabel')}{' '}
            <span class="mono" data-testid="case-id">
              {c.id}
            </span>
          </p>
        </div>
        <span class={`case-type ${c.live ? 'is-live' : ''} type-${c.type}`}>
          {c.live && <span class="live-dot" aria-hidden="true" />}
          {typeLabel(c.type)}
        </span>
      </header>

      <dl class="case-facts">
        <div>
          <dt>{t('created')}</dt>
          <dd>
            <time dateTime={c.createdAt}>{createdLine(c.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('status')}</dt>
          <dd>
            <span class={`pill case-status st-${c.status}`} data-testid="case-status">
              {statusLabel(c.status)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('assignedTo')}</dt>
          <dd data-testid="case-assignee">{c.assignee?.name ?? <span class="muted">{t('nobody')}</span>}</dd>
        </div>
        {caseTimes(c, now).map((time) => (
          <div key={time.label}>
            <dt>{time.label}</dt>
            <dd class="tabular">{time.value}</dd>
          </div>
        ))}
        <div>
          <dt>{t('firstName')}</dt>
          <dd>{c.customer?.firstName}</dd>
        </div>
        <div>
          <dt>{t('lastName')}</dt>
          <dd>{c.customer?.lastName}</dd>
        </div>
        <div>
          <dt>{t('email')}</dt>
          <dd>{c.customer?.email ? <a href={`mailto:${c.customer.email}`}>{c.customer.email}</a> : '—'}</dd>
        </div>
        <div>
          <dt>{t('portal')}</dt>
          <dd>
            {c.portal?.name} <span class="muted">{c.portal?.address}</span>
          </dd>
        </div>
        <div class="span-all">
          <dt>{t('device')}</dt>
          <dd data-testid="case-device">
            {[d.browser, d.os, d.deviceType, d.language].filter(Boolean).join(' · ') || (
              <span class="muted">{t('unknown')}</span>
            )}
            {d.userAgent && <span class="muted small block ua">{d.userAgent}</span>}
          </dd>
        </div>
        {c.ticketNumber && (
          <div>
            <dt>{t('followUpTicket')}</dt>
            <dd>
              <a href={`/tickets/${c.ticketNumber}`} onClick={(e) => linkClick(e, `/tickets/${c.ticketNumber}`)}>
                #{c.ticketNumber}
              </a>
            </dd>
          </div>
        )}
      </dl>

      <section class="case-problem" aria-labelledby="case-problem-title">
        <h3 id="case-problem-title" class="case-section-title">
          {t('problem')}
        </h3>
        <p class="case-question">{c.question}</p>
      </section>

      <div class="case-actions" role="group" aria-label={t('actions')}>
        <label class="case-status-field">
          <span class="field-label">{ct('caseStatus')}</span>
          <select
            value={c.status}
            disabled={!!busy}
            aria-busy={busy ? 'true' : undefined}
            onChange={(e) => {
              const to = e.currentTarget.value as CaseStatus;
              const action = transition(c.status, to);
              e.currentTarget.value = c.status; // the server's answer sets it
              if (action) void act(action);
            }}
            data-testid="case-status-select"
          >
            {(['unassigned', 'assigned', 'resolved'] as const).map((s) => (
              <option
                key={s}
                value={s}
                disabled={
                  s !== c.status &&
                  (!transition(c.status, s) || (s === 'unassigned' && chatOpen && c.status !== 'unassigned'))
                }
                title={s === 'unassigned' && chatOpen ? ct('statusChatRunning') : undefined}
              >
                {ct(s === 'unassigned' ? 'statusUnassigned' : s === 'assigned' ? 'statusAssigned' : 'statusResolved')}
              </option>
            ))}
          </select>
        </label>
        {c.status === 'unassigned' && (
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => act('assign')}
            disabled={!!busy}
            data-testid="case-assign"
          >
            {busy === 'assign' ? t('assigning') : t('assignToMe')}
          </button>
        )}
        {c.status === 'assigned' && (
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() => act('resolve')}
            disabled={!!busy}
            data-testid="case-resolve"
          >
            {t('resolve')}
          </button>
        )}
        {c.status === 'resolved' && (
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() => act('reopen')}
            disabled={!!busy}
            data-testid="case-reopen"
          >
            {t('reopen')}
          </button>
        )}
        {chatOpen && mine && (
          <button
            type="button"
            class="btn btn-ghost"
            onClick={() => setConfirmLeave(true)}
            disabled={!!busy}
            data-testid="case-leave"
          >
            {ct('leaveChat')}
          </button>
        )}
        <a class="btn btn-ghost" href={casesApi.transcriptUrl(c.id)} download data-testid="case-transcript">
          {t('transcript')}
        </a>
        {canDelete && (
          <button
            type="button"
            class="btn btn-danger"
            onClick={() => confirm.current?.showModal()}
            disabled={!!busy}
            data-testid="case-delete"
          >
            {t('deleteCase')}
          </button>
        )}
      </div>
      {error && (
        <p class="form-error" role="alert" data-testid="case-error">
          {error}
        </p>
      )}

      {c.type === 'live_chat' && (
        <ContactRoutingPanel c={c} me={me} onQueueDeleted={setQueueDeleted} onConferenceJoined={setConferenceJoined} />
      )}

      {/* Screen sharing belongs to the technician who has the live portal chat (the server checks it too). */}
      {chatOpen && mine && c.status === 'assigned' && c.chatStatus === 'active' && (
        <CaseScreenShare c={c} onRecorded={() => setRecordings((n) => n + 1)} />
      )}
      {c.type === 'live_chat' && <CaseRecordings caseId={c.id} canDelete={me.role === 'admin'} version={recordings} />}

      <CaseConversation
        c={c}
        me={me}
        canWrite={chatOpen && ((mine && c.status === 'assigned') || conferenceJoined) && !queueDeleted}
        endedNotice={c.chatStatus === 'ended' && c.endedReason ? endedLabel(c.endedReason) : null}
      />

      {c.type === 'support_request' && c.status !== 'resolved' && (
        <FollowUp c={c} onSent={(n) => onChange({ ...c, ticketNumber: n })} />
      )}

      <ConfirmDialog
        open={confirmLeave}
        title={ct('leaveTitle')}
        confirmLabel={ct('leaveConfirm')}
        cancelLabel={ct('cancel')}
        danger
        testId="case-leave-confirm"
        onCancel={() => setConfirmLeave(false)}
        onConfirm={() => {
          setConfirmLeave(false);
          void act('leave');
        }}
      >
        <p>{ct('leaveBody')}</p>
      </ConfirmDialog>

      <dialog ref={confirm} class="dialog" aria-labelledby="case-delete-title" data-testid="case-delete-confirm">
        <h2 id="case-delete-title" class="card-title">
          {t('deleteTitle')}
        </h2>
        <p>{t('deleteBody')}</p>
        <div class="form-actions">
          <button type="button" class="btn btn-ghost" onClick={() => confirm.current?.close()}>
            {t('cancel')}
          </button>
          <button type="button" class="btn btn-danger" onClick={remove} data-testid="case-delete-confirm-yes">
            {t('deletePermanently')}
          </button>
        </div>
      </dialog>
    </article>
  );
}

function FollowUp({ c, onSent }: { c: CaseView; onSent(ticketNumber: number): void }) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<number | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!body.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await casesApi.followUp(c.id, body.trim());
      setSent(r.ticketNumber);
      setBody('');
      onSent(r.ticketNumber);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('followUpFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="case-followup composer" onSubmit={submit} data-testid="case-follow-up">
      <label for="case-followup-body" class="field-label">
        {t('replyByEmail', { email: c.customer?.email ?? '' })}
      </label>
      <textarea
        id="case-followup-body"
        class="composer-body"
        value={body}
        onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)}
        data-testid="case-follow-up-body"
      />
      <p class="field-hint">{t('followUpHint')}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {sent !== null && (
        <p class="notice" role="status">
          {t('followUpSent')}{' '}
          <a href={`/tickets/${sent}`} onClick={(e) => linkClick(e, `/tickets/${sent}`)}>
            {t('ticketNumber', { number: sent })}
          </a>
          .
        </p>
      )}
      <div class="composer-actions">
        <button type="submit" class="btn btn-primary" disabled={busy || !body.trim()} data-testid="case-follow-up-send">
          {busy ? t('sending') : t('sendEmail')}
        </button>
      </div>
    </form>
  );
}
