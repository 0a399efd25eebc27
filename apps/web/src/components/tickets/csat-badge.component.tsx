// The requester's latest satisfaction score (#18.4) in the ticket header: "4/5" with a star, or "Not rated".
import type { Ticket } from '../../lib/tickets.types';
import { ct } from '../../lib/csat.i18n';

export function CsatBadge({ score }: { score: Ticket['csatScore'] }) {
  if (!score) return <span class="muted">{ct('noScore')}</span>;
  return (
    <span
      class={`csat-badge csat-${score >= 4 ? 'good' : score === 3 ? 'neutral' : 'bad'}`}
      title={ct('badgeTitle')}
      data-testid="csat-badge"
      data-score={score}
    >
      <span aria-hidden="true">★</span> {score}/5
    </span>
  );
}
