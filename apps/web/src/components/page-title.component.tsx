// Page heading. Takes focus when a page mounts so screen-reader and keyboard users
// land on the new content after client-side navigation (no full page load to do it for them).
import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

export function PageTitle({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Switchboard`;
    ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 class="page-title" tabIndex={-1} ref={ref} data-testid="page-title">
      {children}
    </h1>
  );
}
