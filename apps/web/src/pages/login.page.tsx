// Login screen. Error texts are fixed for 401/429 so users never see raw server wording there.
// Before sign-in the language is the browser's (lib/i18n.ts); every string is in login.i18n.ts.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.client';
import type { DemoLogin, Me } from '../lib/api.types';
import { lt } from '../lib/login.i18n';

interface Props {
  onSignedIn(me: Me, token: string): void;
}

function errorText(err: unknown): string {
  if (!(err instanceof ApiError)) return lt('genericError');
  if (err.status === 401) return lt('badCredentials');
  if (err.status === 429) return lt('tooMany');
  return err.message;
}

export function LoginPage({ onSignedIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [demo, setDemo] = useState<DemoLogin[]>([]);

  useEffect(() => {
    document.title = lt('pageTitle');
    emailRef.current?.focus();
    // First run of a demo install: say which logins exist (empty once their passwords change).
    api.demoLogins().then(
      (r) => setDemo(r.logins),
      () => undefined,
    );
  }, []);

  const pickDemo = (login: DemoLogin) => {
    setEmail(login.email);
    setPassword(login.password);
    setError(null);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { accessToken } = await api.login(email.trim(), password);
      // The login answer only carries the token; the profile comes from /me (cookie is set by now).
      const me = await api.me();
      onSignedIn(me, accessToken);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
      // Put the user where the fix usually is: the password field, cleared.
      if (err instanceof ApiError && err.status === 401) {
        setPassword('');
        passwordRef.current?.focus();
      }
    }
  };

  return (
    <main class="login">
      <form
        class="login-card"
        data-testid="login-form"
        onSubmit={submit}
        aria-describedby={error ? 'login-error' : undefined}
      >
        <div class="login-brand">
          <span class="brand-mark" aria-hidden="true" />
          <span class="brand-name">{lt('brand')}</span>
        </div>
        <h1 class="login-title">{lt('signIn')}</h1>
        <p class="muted">{lt('workspace')}</p>

        {demo.length > 0 && (
          <section class="demo-logins" aria-labelledby="demo-logins-title" data-testid="demo-logins">
            <h2 id="demo-logins-title" class="demo-logins-title">
              {lt('demoTitle')}
            </h2>
            <p class="muted">{lt('demoHint', { password: demo[0].password })}</p>
            <ul>
              {demo.map((login) => (
                <li key={login.email}>
                  <button
                    type="button"
                    class="btn btn-ghost btn-sm"
                    aria-label={lt('use', { email: login.email })}
                    onClick={() => pickDemo(login)}
                    data-testid="demo-login"
                  >
                    <span class="demo-login-email">{login.email}</span>
                    <span class="role-tag">{lt(login.role)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}

        {error && (
          <p id="login-error" class="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}

        <label class="field">
          <span class="field-label">{lt('email')}</span>
          <input
            ref={emailRef}
            type="email"
            name="email"
            autocomplete="username"
            inputMode="email"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
            data-testid="login-email"
          />
        </label>
        <label class="field">
          <span class="field-label">{lt('password')}</span>
          <input
            ref={passwordRef}
            type="password"
            name="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            data-testid="login-password"
          />
        </label>
        <button
          type="submit"
          class="btn btn-primary btn-block"
          disabled={busy}
          aria-busy={busy}
          data-testid="login-submit"
        >
          {busy ? lt('signingIn') : lt('signIn')}
        </button>
      </form>
    </main>
  );
}
