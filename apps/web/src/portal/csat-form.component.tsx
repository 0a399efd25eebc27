// "How did we do?" (#18.4): five score buttons, an optional comment and Send. Used by the mailed
// survey page and by the ticket page of a resolved ticket. The parent sends and says how it went.
import { useState } from 'preact/hooks';
import { PortalError } from './portal.api';
import { T, tt } from './tickets.i18n';

export type CsatOutcome = 'thanks' | 'answered' | 'superseded';

interface Props {
  question: string;
  /** Pre-selected from the mail's link (…&score=4); still needs Send. */
  initialScore?: number | null;
  send: (score: number, comment: string) => Promise<unknown>;
  onDone: (outcome: CsatOutcome, score: number) => void;
}

export function CsatForm({ question, initialScore, send, onDone }: Props) {
  const [score, setScore] = useState<number | null>(initialScore ?? null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!score) return setError(T.csatPick);
    setBusy(true);
    setError(null);
    try {
      await send(score, comment.trim());
      onDone('thanks', score);
    } catch (err) {
      const status = err instanceof PortalError ? err.status : 0;
      if (status === 409) onDone('answered', score);
      else if (status === 410) onDone('superseded', score);
      else setError(status === 429 ? T.csatLimited : T.genericError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="p-csat" noValidate onSubmit={submit} data-testid="csat-form">
      <fieldset>
        <legend class="p-csat-question" data-testid="csat-question">
          {question}
        </legend>
        <div class="p-csat-scores" role="group">
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              class={`p-csat-score${score === n ? ' is-selected' : ''}`}
              aria-pressed={score === n ? 'true' : 'false'}
              aria-label={tt('csatScore', { score: n })}
              onClick={() => setScore(n)}
              data-testid={`csat-score-${n}`}
            >
              {n}
            </button>
          ))}
        </div>
        <p class="p-muted p-csat-scale">{T.csatScale}</p>
      </fieldset>
      <div class="p-field">
        <label for="p-csat-comment">{T.csatComment}</label>
        <textarea
          id="p-csat-comment"
          rows={3}
          maxLength={2000}
          value={comment}
          onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)}
          data-testid="csat-comment"
        />
      </div>
      {error && (
        <p class="p-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="p-btn p-btn-block" disabled={busy} data-testid="csat-send">
        {busy ? T.sending : T.send}
      </button>
    </form>
  );
}

/** What the contact sees once the survey is done (or was already). */
export function CsatDone({ outcome, score }: { outcome: CsatOutcome; score: number | null }) {
  const text =
    outcome === 'thanks'
      ? T.csatThanks
      : outcome === 'answered'
        ? tt('csatAnswered', { score: score ?? '?' })
        : T.csatSuperseded;
  return (
    <p class="p-status p-csat-done" role="status" data-testid="csat-done" data-outcome={outcome}>
      {text}
    </p>
  );
}
