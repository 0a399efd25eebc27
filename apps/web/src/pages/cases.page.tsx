// Cases screen (placeholder): the cases issue fills this in.
import { EmptyState } from '../components/empty-state.component';
import { PageTitle } from '../components/page-title.component';

export function CasesPage() {
  return (
    <>
      <PageTitle title="Cases">Cases</PageTitle>
      <EmptyState title="No cases yet">Cases group related tickets and chats so longer investigations can be tracked in one place.</EmptyState>
    </>
  );
}
