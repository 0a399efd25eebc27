// Tickets screen (placeholder): the ticket list/detail issue fills this in.
import { EmptyState } from '../components/empty-state.component';
import { PageTitle } from '../components/page-title.component';

export function TicketsPage() {
  return (
    <>
      <PageTitle title="Tickets">Tickets</PageTitle>
      <EmptyState title="No tickets yet">Tickets from email and the customer portal will be listed here, with filters, assignment and replies.</EmptyState>
    </>
  );
}
