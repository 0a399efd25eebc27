// One case in a column: type badge (red "Live chat" while the customer is in the chat), ticking time,
// preview of the problem, customer, portal address and case ID.
import type { CaseView } from '../../lib/cases.types';
import { linkClick } from '../../lib/router.hook';
import { caseTimes, customerName, typeLabel } from './case-format';

interface Props {
  c: CaseView;
  now: number;
  selected: boolean;
}

export function CaseItem({ c, now, selected }: Props) {
  const href = `/cases/${encodeURIComponent(c.id)}`;
  const preview = (c.preview?.length ? c.preview : [c.question]).filter(Boolean).join(' · ');
  return (
    <li
      class={`case-item${selected ? ' is-selected' : ''}`}
      data-testid="case-item"
      data-case-id={c.id}
      data-type={c.type}
      data-live={String(c.live)}
      data-status={c.status}
    >
      <a href={href} class="case-link" aria-current={selected ? 'true' : undefined} onClick={(e) => linkClick(e, href)}>
        <span class="case-item-top">
          <span class={`case-type ${c.live ? 'is-live' : ''} type-${c.type}`} data-testid="case-type">
            {c.live && <span class="live-dot" aria-hidden="true" />}
            {typeLabel(c.type)}
          </span>
          <span class="case-time" data-testid="case-time">
            {caseTimes(c, now).map((t) => (
              <span key={t.label}>
                <span class="muted">{t.label}</span> <span class="tabular">{t.value}</span>
              </span>
            ))}
          </span>
        </span>
        <span class="case-preview" data-testid="case-preview">
          {preview}
        </span>
        <span class="case-item-meta">
          <span class="case-customer">{customerName(c)}</span>
          <span class="muted">{c.portal?.address ?? c.portal?.subdomain}</span>
          <span class="mono muted" title={c.id}>
            #{c.shortId || c.id.slice(-8)}
          </span>
        </span>
      </a>
    </li>
  );
}
