// The technician's own email signature (PUT /api/me/signature): plain text, line breaks kept.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../lib/api.client';
import type { Me } from '../../lib/api.types';
import { st } from '../../lib/signature.i18n';

/** Mirrors the server's limit so the count is right before a save is refused. */
const SIGNATURE_MAX = 1000;

export function SignatureCard({ me, onMeChange }: { me: Me; onMeChange?(me: Me): void }) {
  const [text, setText] = useState(me.signature ?? '');
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  const save = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    setStatus(null);
    try {
      const saved = await api.setSignature(text.trim() ? text : null);
      setText(saved.signature ?? '');
      onMeChange?.(saved);
      setStatus({ ok: true, message: saved.signature ? st('saved') : st('cleared') });
    } catch (err) {
      setStatus({ ok: false, message: err instanceof ApiError ? err.message : st('failed') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card settings-card" aria-labelledby="signature-title">
      <h2 id="signature-title" class="card-title">
        {st('title')}
      </h2>
      <p class="muted" id="signature-hint">
        {st('hint')}
      </p>
      <form class="signature-form" onSubmit={save}>
        <label class="field">
          <span class="field-label">{st('label')}</span>
          <textarea
            rows={4}
            maxLength={SIGNATURE_MAX}
            value={text}
            aria-describedby="signature-hint signature-count"
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
            data-testid="signature-input"
          />
        </label>
        <p class="field-hint" id="signature-count">
          {st('remaining', { n: SIGNATURE_MAX - text.length })}
        </p>
        <div class="signature-actions">
          <button type="submit" class="btn btn-primary" disabled={saving} data-testid="signature-save">
            {saving ? st('saving') : st('save')}
          </button>
          {status && (
            <span
              class={status.ok ? 'form-ok' : 'form-error'}
              role={status.ok ? 'status' : 'alert'}
              data-testid="signature-status"
            >
              {status.message}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
