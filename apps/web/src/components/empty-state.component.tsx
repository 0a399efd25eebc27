// Friendly placeholder for lists with nothing in them (and for screens still being built).
import type { ComponentChildren } from 'preact';

export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <section class="empty-state">
      <svg viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
        <rect x="8" y="12" width="32" height="26" rx="4" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M8 26h10l2 4h8l2-4h10" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
      </svg>
      <h2>{title}</h2>
      {children && <p>{children}</p>}
    </section>
  );
}
