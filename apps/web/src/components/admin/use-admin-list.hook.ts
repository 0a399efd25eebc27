// The load/busy/message/run pattern every admin config list shares (product families, statuses,
// quick replies, automation rules): one place decides the order of reload and message.
import { useEffect, useRef, useState } from 'preact/hooks';
import { act } from '../../lib/admin-config.i18n';
import { ApiError } from '../../lib/api.client';
import type { AdminMessageValue } from './admin-message.component';

/** The API's own wording when it gave one, else the generic fallback. */
export const adminErrorText = (err: unknown, fallback = act('saveFailed')) =>
  err instanceof ApiError ? err.message : fallback;

export function useAdminList<T>(load: () => Promise<T[]>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [message, setMessage] = useState<AdminMessageValue>(null);
  const [busy, setBusy] = useState(false);

  // Only the newest reload may set the list: an older, slower answer would undo a change.
  const seq = useRef(0);
  const reload = () => {
    const mine = ++seq.current;
    return load().then(
      (list) => mine === seq.current && setItems(Array.isArray(list) ? list : []),
      (err) => mine === seq.current && setLoadError(adminErrorText(err, act('loadFailed'))),
    );
  };
  useEffect(() => {
    void reload();
  }, []);

  /**
   * Runs one change; true when it worked. The list is reloaded either way (another admin may have
   * changed it), before the message. Without onError the refusal becomes the message.
   */
  const run = async <R>(
    work: () => Promise<R>,
    ok: string | ((result: R) => string),
    onError: (err: unknown) => void = (err) => setMessage({ ok: false, text: adminErrorText(err) }),
  ) => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await work();
      await reload();
      setMessage({ ok: true, text: typeof ok === 'function' ? ok(result) : ok });
      return true;
    } catch (err) {
      onError(err);
      await reload();
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { items, reload, loadError, setLoadError, busy, message, setMessage, run };
}
