// The end user's sentiment (#17): an icon and a label, colour as a second cue only.
import type { Ticket } from '../../lib/tickets.types';
import { sentimentLabel, st } from '../../lib/sentiment.i18n';

const ICONS = {
  positive: 'M8 14s1.5 2 4 2 4-2 4-2M9 9h.01M15 9h.01',
  neutral: 'M8 15h8M9 9h.01M15 9h.01',
  negative: 'M16 16s-1.5-2-4-2-4 2-4 2M9 9h.01M15 9h.01',
} as const;

export function SentimentBadge({ sentiment }: { sentiment: Ticket['sentiment'] }) {
  if (!sentiment) return <span class="muted">{st('none')}</span>;
  return (
    <span
      class={`sentiment sentiment-${sentiment}`}
      title={st('badgeTitle')}
      data-testid="sentiment-badge"
      data-sentiment={sentiment}
    >
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2" />
        <path d={ICONS[sentiment]} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
      <span>{sentimentLabel(sentiment)}</span>
    </span>
  );
}
