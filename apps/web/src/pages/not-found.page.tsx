// Unknown route, or a route the user's role may not open.
import { EmptyState } from '../components/empty-state.component';
import { PageTitle } from '../components/page-title.component';
import { linkClick } from '../lib/router.hook';
import { tt } from '../lib/top-bar.i18n';

export function NotFoundPage({ title, message }: { title: string; message: string }) {
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <EmptyState title={message}>
        <a href="/tickets" onClick={(e) => linkClick(e, '/tickets')}>
          {tt('goToTickets')}
        </a>
      </EmptyState>
    </>
  );
}
