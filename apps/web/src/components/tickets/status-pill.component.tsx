// Status badge, coloured by category so custom statuses look right without configuration.
import type { StatusCategory } from '../../lib/tickets.types';

interface Props {
  status: string;
  category: StatusCategory;
  name: string;
  testId?: string;
}

export function StatusPill({ status, category, name, testId }: Props) {
  return (
    <span class={`pill status-pill cat-${category} st-${status}`} data-status={status} data-testid={testId}>
      {name}
    </span>
  );
}
