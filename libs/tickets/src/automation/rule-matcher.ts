import type { TicketEntity } from '../entities/ticket.entity.js';
import type { RuleConditions } from './automation.types.js';

/** Pure: do the ticket's current values satisfy every condition present? */
export function matchesConditions(
  conditions: RuleConditions,
  ticket: Pick<TicketEntity, 'status' | 'priority' | 'type' | 'companyId' | 'source' | 'sentiment'>,
): boolean {
  const checks: [string[] | undefined, string | null][] = [
    [conditions.status, ticket.status],
    [conditions.priority, ticket.priority],
    [conditions.type, ticket.type],
    [conditions.companyId, ticket.companyId],
    [conditions.source, ticket.source],
    [conditions.sentiment, ticket.sentiment],
  ];
  return checks.every(
    ([allowed, value]) => !allowed || allowed.length === 0 || (value !== null && allowed.includes(value)),
  );
}
