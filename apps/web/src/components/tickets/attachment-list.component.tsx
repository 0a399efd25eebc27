// Files picked for the next message: upload progress, errors, and removal before sending.
import { formatSize } from '../../lib/files.api';
import { tui } from '../../lib/ticket-ui.i18n';
import { AttachmentIcon } from './attachment-icon.component';
import { tp } from '../../lib/ticket-page.i18n';

export interface PendingFile {
  key: string;
  name: string;
  size: number;
  progress: number;
  id?: string;
  error?: string;
}

interface Props {
  files: PendingFile[];
  onRemove(key: string): void;
}

export function AttachmentList({ files, onRemove }: Props) {
  if (!files.length) return null;
  return (
    <ul class="pending-files small" data-testid="composer-files" aria-live="polite">
      {files.map((f) => (
        <li key={f.key} class={f.error ? 'has-error' : ''} data-testid="composer-file">
          <span>
            <AttachmentIcon label={tui('attachment')} /> {f.name}
          </span>{' '}
          <span class="muted">({formatSize(f.size)})</span>{' '}
          {f.error ? (
            <span class="form-error">{f.error}</span>
          ) : f.id ? (
            <span class="muted">{tp('ready')}</span>
          ) : (
            <progress max={1} value={f.progress} aria-label={tp('uploading', { name: f.name })} />
          )}
          <button
            type="button"
            class="btn-link"
            onClick={() => onRemove(f.key)}
            aria-label={tp('removeFile', { name: f.name })}
          >
            {tp('remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}
