// Renders a page from a lazily imported chunk (no preact/compat `lazy` needed for this one use).
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { tt } from '../lib/top-bar.i18n';

interface Props<P> {
  load: () => Promise<ComponentType<P>>;
  props: P;
}

export function LazyPage<P extends object>({ load, props }: Props<P>) {
  const [Page, setPage] = useState<ComponentType<P> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    load().then(
      (component) => alive && setPage(() => component),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [load]);
  if (failed) {
    return (
      <p class="form-error" role="alert">
        {tt('screenFailed')} <a href={location.href}>{tt('reload')}</a>
      </p>
    );
  }
  if (!Page) return <div class="page-loading" role="status" aria-label={tt('loading')} />;
  return <Page {...props} />;
}
