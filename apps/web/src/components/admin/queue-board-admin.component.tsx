import type { VNode } from 'preact';
// Admin → Queue board (#14): per queue the contacts waiting or ringing (customer, wait, Ringing <agent>),
// the members by agent state and today's numbers. Polls GET /api/queues/board every 5 s (plain polling:
// any API instance answers the same, no socket room to share) and ticks the waits every second
// between polls, counted from when the answer arrived (the browser's clock may differ from the server's).
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { formatNumber } from '../../lib/i18n';
import { qbt } from '../../lib/queue-board.i18n';
import { routingApi, type QueueBoard, type QueueBoardAgent, type QueueBoardQueue } from '../../lib/routing.api';
import './queue-board.css';

export const QUEUE_BOARD_POLL_MS = 5000;

/** Seconds as m:ss (minutes keep counting past 59: waits are minutes, not hours). */
export const formatWait = (seconds: number) => {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

const STATE_PILL: Record<QueueBoardAgent['state'], string> = {
  available: 'pill-ok',
  busy: 'pill-warn',
  rona: 'pill-warn',
  not_ready: 'pill-off',
};

function stateLabel(a: QueueBoardAgent): string {
  if (a.state === 'busy') return qbt('state.busy', { active: a.activeChats, max: a.maxChats });
  return qbt(`state.${a.state}`);
}

export function QueueBoardAdmin() {
  const [board, setBoard] = useState<{ data: QueueBoard; receivedAt: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let alive = true;
    const load = () =>
      routingApi.board().then(
        (data) => {
          if (!alive) return;
          setBoard({ data, receivedAt: Date.now() });
          setError(null);
        },
        (err) => alive && setError(err instanceof ApiError ? err.message : qbt('loadFailed')),
      );
    void load();
    const poll = setInterval(() => void load(), QUEUE_BOARD_POLL_MS);
    // Twice a second: a displayed second never lags the real one by more than half.
    const tick = setInterval(() => setNow(Date.now()), 500);
    return () => {
      alive = false;
      clearInterval(poll);
      clearInterval(tick);
    };
  }, []);

  const elapsed = board ? Math.max(0, (now - board.receivedAt) / 1000) : 0;
  const serverNow = board ? new Date(board.data.generatedAt).getTime() + elapsed * 1000 : 0;

  return (
    <section class="admin-card" data-testid="queue-board">
      <h2>{qbt('title')}</h2>
      <p class="muted">{qbt('intro')}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {board && board.data.queues.length === 0 && <p class="muted">{qbt('noQueues')}</p>}
      {board && (
        <div class="queue-board-cards">
          {board.data.queues.map((q) => (
            <QueueCard key={q.queueId} queue={q} elapsed={elapsed} serverNow={serverNow} />
          ))}
        </div>
      )}
    </section>
  );
}

function QueueCard({ queue, elapsed, serverNow }: { queue: QueueBoardQueue; elapsed: number; serverNow: number }) {
  const t = queue.today;
  return (
    <article class="queue-board-card" data-testid="queue-board-queue" data-queue-id={queue.queueId}>
      <h3>{queue.name}</h3>
      <div class="queue-board-columns">
        <BoardColumn
          title={qbt('waitingTitle')}
          empty={qbt('noWaiting')}
          testId="queue-board-waiting"
          headers={[qbt('customer'), qbt('wait'), qbt('status')]}
          rows={queue.waiting.map((c) => (
            <tr key={c.conversationId} data-conversation-id={c.conversationId} data-state={c.state}>
              <td>{c.customerName}</td>
              <td class="queue-board-wait" data-testid="queue-board-wait">
                {formatWait(c.waitSeconds + elapsed)}
              </td>
              <td>
                {c.state === 'offered'
                  ? c.offeredToName
                    ? qbt('ringing', { name: c.offeredToName })
                    : qbt('ringingNobody')
                  : qbt('waitingState')}
              </td>
            </tr>
          ))}
        />
        <BoardColumn
          title={qbt('agentsTitle')}
          empty={qbt('noAgents')}
          testId="queue-board-agents"
          headers={[qbt('agent'), qbt('status'), qbt('since')]}
          rows={queue.agents.map((a) => (
            <tr key={a.accountId} data-account-id={a.accountId} data-state={a.state}>
              <td>{a.name}</td>
              <td>
                <span class={`pill ${STATE_PILL[a.state]}`} data-testid="queue-board-agent-state">
                  {stateLabel(a)}
                </span>{' '}
                {a.state !== 'busy' && (
                  <span class="muted">{qbt('chats', { active: a.activeChats, max: a.maxChats })}</span>
                )}
              </td>
              <td class="queue-board-wait">{formatWait((serverNow - new Date(a.stateSince).getTime()) / 1000)}</td>
            </tr>
          ))}
        />
        <div>
          <h4>{qbt('todayTitle')}</h4>
          <dl class="queue-board-today" data-testid="queue-board-today">
            <dt>{qbt('arrived')}</dt>
            <dd data-stat="arrived">{formatNumber(t.arrived)}</dd>
            <dt>{qbt('accepted')}</dt>
            <dd data-stat="accepted">{formatNumber(t.accepted)}</dd>
            <dt>{qbt('overflowed')}</dt>
            <dd data-stat="overflowed">{formatNumber(t.overflowed)}</dd>
            <dt>{qbt('withdrawn')}</dt>
            <dd data-stat="withdrawn">{formatNumber(t.withdrawn)}</dd>
            <dt>{qbt('averageWait')}</dt>
            <dd data-stat="averageWait">
              {t.averageWaitSeconds === null ? qbt('noAverage') : formatWait(t.averageWaitSeconds)}
            </dd>
            <dt>{qbt('averageHandle')}</dt>
            <dd data-stat="averageHandle">
              {t.averageHandleSeconds === null ? qbt('noAverage') : formatWait(t.averageHandleSeconds)}
            </dd>
          </dl>
          <h4>{qbt('wrapUpReasons')}</h4>
          {t.wrapUpReasons.length ? (
            <ul class="queue-board-reasons" data-testid="queue-board-reasons">
              {t.wrapUpReasons.map((r) => (
                <li key={r.label} data-reason={r.label}>
                  {r.label} <span class="pill">{formatNumber(r.count)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted small">{qbt('noWrapUps')}</p>
          )}
        </div>
      </div>
    </article>
  );
}

/** One column of a queue card: a heading, then its table, or a line saying it is empty. */
function BoardColumn(props: { title: string; empty: string; testId: string; headers: string[]; rows: VNode[] }) {
  return (
    <div>
      <h4>{props.title}</h4>
      {props.rows.length === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <table class="admin-table" data-testid={props.testId}>
          <thead>
            <tr>
              {props.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{props.rows}</tbody>
        </table>
      )}
    </div>
  );
}
