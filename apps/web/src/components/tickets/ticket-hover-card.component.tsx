// Preview card for a list row: priority and the latest comment, loaded only when it is first shown.
import { useEffect, useState } from 'preact/hooks';
import { cachedSummary } from '../../lib/tickets.api';
import type { TicketSummary } from '../../lib/tickets.types';
import { activityStatusLabel, formatRelative, label, priorities } from '../../lib/format';
import { tk } from '../../lib/tickets.i18n';

interface Props {
  id: string;
  number: number;
}

export function TicketHoverCard({ id, number }: Props) {
  const [summary, setSummary] = useState<TicketSummary | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    let alive = true;
    cachedSummary(number).then(
      (s) => alive && setSummary(s),
      () => alive && setError(true),
    );
    return () => {
      alive = false;
    };
  }, [number]);

  const latest = summary?.latestComment;
  return (
    <div id={id} class="hover-card" role="tooltip" data-testid="ticket-hover-card">
      {error ? (
        <p class="muted">{tk('previewUnavailable')}</p>
      ) : !summary ? (
        <p class="muted">{tk('loadingPreview')}</p>
      ) : (
        <>
          <p class="hover-card-meta">
            <span class={`prio prio-${summary.priority}`} data-testid="hover-priority">
              {tk('priorityOf', { priority: label(priorities(), summary.priority) })}
            </span>
            <span class="muted">{activityStatusLabel(summary.activityStatus)}</span>
          </p>
          {latest ? (
            <div
              class={`hover-card-comment${latest.visibility === 'internal' ? ' is-internal' : ''}`}
              data-testid="hover-latest-comment"
            >
              <p class="hover-card-author">
                <strong>{latest.author.name}</strong>
                {latest.visibility === 'internal' && <span class="tag tag-internal">{tk('internalNote')}</span>}
                <span class="muted"> · {formatRelative(latest.createdAt)}</span>
              </p>
              <p class="hover-card-body">{latest.body.length > 280 ? `${latest.body.slice(0, 280)}…` : latest.body}</p>
            </div>
          ) : (
            <p class="muted">{tk('noReplies')}</p>
          )}
        </>
      )}
    </div>
  );
}
