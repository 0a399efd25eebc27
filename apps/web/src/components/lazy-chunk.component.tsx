// A component whose code lives in its own chunk, fetched the first time it renders (#16: the
// technician's first load stays under budget). Until the chunk arrives it renders nothing, so only
// render it once it has something to show (a dialog opening, a selection, a first request).
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export function lazyChunk<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function LazyChunk(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let alive = true;
      (pending ??= load()).then(
        (c) => {
          loaded = c;
          if (alive) setComponent(() => c);
        },
        // A failed fetch (deploy, network) is retried the next time it mounts.
        () => void (pending = null),
      );
      return () => void (alive = false);
    }, []);
    return Component ? <Component {...props} /> : null;
  };
}

/** True from the first render where `condition` held: a lazy part stays mounted once shown. */
export function useOnceTrue(condition: boolean): boolean {
  const seen = useRef(false);
  if (condition) seen.current = true;
  return seen.current;
}
