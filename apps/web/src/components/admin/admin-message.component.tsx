// The outcome line under an admin section's heading: a status when the change worked, an alert when not.
export type AdminMessageValue = { ok: boolean; text: string } | null;

export function AdminMessage({ message }: { message: AdminMessageValue }) {
  if (!message) return null;
  return (
    <p
      class={message.ok ? 'muted small' : 'form-error small'}
      role={message.ok ? 'status' : 'alert'}
      data-testid="admin-message"
    >
      {message.text}
    </p>
  );
}
