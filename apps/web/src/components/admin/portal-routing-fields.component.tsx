// The portal form's routing fields (#14): pool (Unassigned cases, as before) or a queue (offers to agents).
import { useEffect, useState } from 'preact/hooks';
import { routingApi, type Queue } from '../../lib/routing.api';
import { rt } from '../../lib/routing.i18n';

interface Props {
  routing: 'pool' | 'queue';
  queueId: string | null;
  error?: string;
  onChange(routing: 'pool' | 'queue', queueId: string | null): void;
}

export function PortalRoutingFields({ routing, queueId, error, onChange }: Props) {
  const [queues, setQueues] = useState<Queue[]>([]);
  useEffect(() => {
    routingApi.queues().then(
      (list) => setQueues(Array.isArray(list) ? list : []),
      () => setQueues([]),
    );
  }, []);
  return (
    <>
      <div class="field">
        <label class="field-label" for="portal-routing">
          {rt('portalRouting')}
        </label>
        <select
          id="portal-routing"
          value={routing}
          onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as 'pool' | 'queue', queueId)}
          data-testid="portal-form-routing"
        >
          <option value="pool">{rt('routing.pool')}</option>
          <option value="queue">{rt('routing.queue')}</option>
        </select>
      </div>
      {routing === 'queue' && (
        <div class="field">
          <label class="field-label" for="portal-queue">
            {rt('portalQueue')}
          </label>
          <select
            id="portal-queue"
            value={queueId ?? ''}
            aria-invalid={error ? 'true' : undefined}
            onChange={(e) => onChange('queue', (e.currentTarget as HTMLSelectElement).value || null)}
            data-testid="portal-form-queue"
          >
            <option value="">{rt('chooseQueue')}</option>
            {queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </select>
          {error && (
            <span class="field-error" data-testid="portal-form-error-queueId">
              {error}
            </span>
          )}
        </div>
      )}
    </>
  );
}
