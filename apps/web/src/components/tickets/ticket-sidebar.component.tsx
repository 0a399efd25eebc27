// Ticket page right-hand sidebar (#15): who asked (contact as the server masks it), their company,
// their other tickets, chats and devices, from GET /api/contacts/:id/overview.
import { useEffect, useState } from 'preact/hooks';
import type { ApiSchema } from '@switchboard/contracts';
import { request } from '../../lib/api.client';
import { linkClick } from '../../lib/router.hook';
import { formatRelative } from '../../lib/format';
import { tui } from '../../lib/ticket-ui.i18n';
import './ticket-sidebar.css';

type Overview = ApiSchema<'ContactOverviewDto'>;

export function TicketSidebar({ contactId, currentNumber }: { contactId: string | null; currentNumber: number }) {
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    setData(null);
    setError(false);
    if (!contactId) return;
    request<Overview>('GET', `/api/contacts/${encodeURIComponent(contactId)}/overview`).then(setData, () =>
      setError(true),
    );
  }, [contactId, currentNumber]);

  const body = !contactId ? (
    <p class="muted small">{tui('noRequester')}</p>
  ) : error ? (
    <p class="form-error small" role="alert">
      {tui('sidebarError')}
    </p>
  ) : !data ? (
    <p class="muted small" role="status">
      {tui('loading')}
    </p>
  ) : (
    <SidebarBody data={data} currentNumber={currentNumber} />
  );
  return (
    <aside class="ticket-sidebar card" aria-label={tui('sidebar')} data-testid="ticket-sidebar">
      {body}
    </aside>
  );
}

function SidebarBody({ data, currentNumber }: { data: Overview; currentNumber: number }) {
  const { contact, company } = data;
  const others = data.tickets.filter((t) => t.number !== currentNumber);
  return (
    <>
      <section>
        <h2 class="sidebar-heading">{tui('requester')}</h2>
        <p class="sidebar-name" data-testid="sidebar-name">
          {`${contact.firstName} ${contact.lastName}`.trim()}
        </p>
        <dl class="sidebar-facts small">
          <dt>{tui('email')}</dt>
          <dd data-testid="sidebar-email">{contact.email ?? tui('none')}</dd>
          <dt>{tui('phone')}</dt>
          <dd data-testid="sidebar-phone">{contact.phone ?? tui('none')}</dd>
          <dt>{tui('company')}</dt>
          <dd data-testid="sidebar-company">{company?.name ?? tui('none')}</dd>
        </dl>
      </section>
      <section>
        <h2 class="sidebar-heading">{tui('otherTickets')}</h2>
        {others.length ? (
          <ul class="sidebar-list small" data-testid="sidebar-tickets">
            {others.map((t) => (
              <li key={t.number}>
                <a href={`/tickets/${t.number}`} onClick={(e) => linkClick(e, `/tickets/${t.number}`)}>
                  #{t.number} {t.title}
                </a>{' '}
                <span class={`muted cat-${t.statusCategory}`}>{t.status}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted small">{tui('noOtherTickets')}</p>
        )}
      </section>
      <section>
        <h2 class="sidebar-heading">{tui('chats')}</h2>
        {data.chats.length ? (
          <ul class="sidebar-list small" data-testid="sidebar-chats">
            {data.chats.map((c) => (
              <li key={c.id}>
                <a href={`/cases/${c.id}`} onClick={(e) => linkClick(e, `/cases/${c.id}`)}>
                  {c.type === 'live_chat' ? tui('chatLive') : tui('chatRequest')} · {c.question}
                </a>{' '}
                <span class="muted">{formatRelative(c.createdAt)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted small">{tui('noChats')}</p>
        )}
      </section>
      <section>
        <h2 class="sidebar-heading">{tui('devices')}</h2>
        {data.devices.length ? (
          <ul class="sidebar-list small" data-testid="sidebar-devices">
            {data.devices.map((d) => (
              <li key={d.id}>
                {d.name} <span class="muted">{d.os}</span>{' '}
                <span class="muted">
                  · {d.lastSeenAt ? tui('lastSeen', { when: formatRelative(d.lastSeenAt) }) : tui('neverSeen')}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted small">{tui('noDevices')}</p>
        )}
      </section>
    </>
  );
}
