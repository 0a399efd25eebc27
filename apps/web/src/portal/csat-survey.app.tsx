// The mailed survey page (#18.4): /p/<subdomain>/csat?token=…&score=N. No sign-in: the token is the
// key. Shows the ticket it is about, the question, then "Thanks", or the already-answered state.
import { useEffect, useState } from 'preact/hooks';
import { CsatDone, CsatForm, type CsatOutcome } from './csat-form.component';
import { LanguageSwitch } from './my-tickets.app';
import { PortalError } from './portal.api';
import { T, tt } from './tickets.i18n';
import { ticketsApi, type CsatSurvey } from './tickets.api';

/** The survey route of a path, or null. */
export function csatRoute(path: string, search: string): { token: string; score: number | null } | null {
  if (!/^\/p\/[^/]+\/csat\/?$/.test(path)) return null;
  const params = new URLSearchParams(search);
  const score = Number(params.get('score'));
  return {
    token: params.get('token') ?? '',
    score: Number.isInteger(score) && score >= 1 && score <= 5 ? score : null,
  };
}

export function CsatSurveyApp({ subdomain, token, score }: { subdomain: string; token: string; score: number | null }) {
  const [survey, setSurvey] = useState<CsatSurvey | null>(null);
  const [failed, setFailed] = useState<'invalid' | 'limited' | 'error' | null>(null);
  const [done, setDone] = useState<{ outcome: CsatOutcome; score: number | null } | null>(null);
  useEffect(() => {
    if (!token) return setFailed('invalid');
    ticketsApi.survey(token).then(
      (s) => {
        setSurvey(s);
        if (s.state !== 'pending')
          setDone({ outcome: s.state === 'answered' ? 'answered' : 'superseded', score: s.score });
      },
      (err) =>
        setFailed(
          err instanceof PortalError && err.status === 404
            ? 'invalid'
            : err instanceof PortalError && err.status === 429
              ? 'limited'
              : 'error',
        ),
    );
  }, [token]);
  return (
    <div class="p-tickets" data-testid="csat-page" data-state={done?.outcome ?? survey?.state ?? failed ?? 'loading'}>
      <nav class="p-tickets-nav">
        <a class="p-link" href={`/p/${encodeURIComponent(subdomain)}`}>
          {T.backToPortal}
        </a>
        <LanguageSwitch />
      </nav>
      <section class="p-card">
        {failed && (
          <p class="p-error" role="alert" data-testid="csat-failed">
            {failed === 'invalid' ? T.csatInvalid : failed === 'limited' ? T.csatLimited : T.genericError}
          </p>
        )}
        {!survey && !failed && <p class="p-status">…</p>}
        {survey && (
          <>
            <p class="p-muted" data-testid="csat-ticket">
              {tt('csatAbout', { number: survey.ticket.number, title: survey.ticket.title })}
            </p>
            {done ? (
              <CsatDone outcome={done.outcome} score={done.score} />
            ) : (
              <CsatForm
                question={survey.question}
                initialScore={score}
                send={(s, comment) => ticketsApi.answerSurvey(token, s, comment)}
                onDone={(outcome, s) => setDone({ outcome, score: s })}
              />
            )}
          </>
        )}
      </section>
    </div>
  );
}
