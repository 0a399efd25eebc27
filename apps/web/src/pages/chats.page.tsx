// Chats screen (placeholder): the live chat issue fills this in.
import { EmptyState } from '../components/empty-state.component';
import { PageTitle } from '../components/page-title.component';

export function ChatsPage() {
  return (
    <>
      <PageTitle title="Chats">Chats</PageTitle>
      <EmptyState title="No active chats">
        Incoming chat requests and your ongoing conversations will appear here. Set yourself "Available" in the profile menu to receive them.
      </EmptyState>
    </>
  );
}
