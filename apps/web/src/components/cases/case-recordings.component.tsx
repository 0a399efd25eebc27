// The case's screen sharing recordings (#19, when recording is on): download for the case's
// technicians, delete for admins (the case stays). Reloaded when the pane saves a new one.
import { useEffect, useState } from 'preact/hooks';
import { fileUrl, formatSize } from '../../lib/files.api';
import { formatDateTime } from '../../lib/format';
import { st } from '../../lib/screen-share.i18n';
import { screenRecordingsApi, type ScreenRecording } from '../../lib/screen-recordings.api';
import { ConfirmDialog } from '../confirm-dialog.component';

export function CaseRecordings({
  caseId,
  canDelete,
  version,
}: {
  caseId: string;
  canDelete: boolean;
  version: number;
}) {
  const [items, setItems] = useState<ScreenRecording[]>([]);
  const [deleting, setDeleting] = useState<ScreenRecording | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    screenRecordingsApi.list(caseId).then(
      (list) => setItems(list),
      () => undefined,
    );
  useEffect(() => void load(), [caseId, version]);

  if (!items.length) return null;
  return (
    <section class="case-recordings" aria-labelledby="case-recordings-title" data-testid="case-recordings">
      <h3 id="case-recordings-title" class="case-section-title">
        {st('recordingsTitle')}
      </h3>
      <ul class="case-recordings-list">
        {items.map((r) => (
          <li key={r.id} data-testid="case-recording" data-file-id={r.id} class="case-screen-row">
            <span>
              {formatDateTime(r.createdAt)} · {formatSize(r.size)}
            </span>
            <a href={fileUrl(r.id)} download={r.name} data-testid="case-recording-download">
              {st('recordingDownload')}
            </a>
            {canDelete && (
              <button
                type="button"
                class="btn btn-ghost btn-sm"
                onClick={() => setDeleting(r)}
                data-testid="case-recording-delete"
              >
                {st('recordingDelete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={!!deleting}
        title={st('recordingDeleteTitle')}
        confirmLabel={st('recordingDelete')}
        cancelLabel={st('recordingKeep')}
        danger
        testId="case-recording-delete-confirm"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const r = deleting;
          setDeleting(null);
          if (!r) return;
          setError(null);
          screenRecordingsApi.remove(caseId, r.id).then(
            () => load(),
            (err: Error) => setError(st('recordingDeleteFailed', { message: err.message })),
          );
        }}
      >
        <p>{st('recordingDeleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
