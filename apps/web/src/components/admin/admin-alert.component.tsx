// The alert paragraph an admin section shows when its list (or a choice list) did not load.
export function AdminAlert({ text, testId }: { text: string | null; testId?: string }) {
  if (!text) return null;
  return (
    <p class="form-error" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}
