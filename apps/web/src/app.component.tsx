// Root: owns the session (who is signed in) and switches between login and the signed-in shell.
import { useEffect, useState } from 'preact/hooks';
import { api, setUnauthorizedHandler } from './lib/api.client';
import type { Me } from './lib/api.types';
import { browserLanguage, language, onLanguageChange, setLanguage } from './lib/i18n';
import { navigate } from './lib/router.hook';
import { tt } from './lib/top-bar.i18n';
import { LoginPage } from './pages/login.page';
import { ShellLayout } from './components/shell.layout';

interface Session {
  me: Me;
  /** Only known right after a login in this tab; after a reload the socket relies on the cookie. */
  token?: string;
}

export function App() {
  // undefined = still asking /api/auth/me; null = signed out.
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  // The console speaks the account's language (else the browser's); a switch re-renders the shell.
  const [lang, setLang] = useState(language());
  useEffect(() => onLanguageChange(setLang), []);
  useEffect(() => {
    if (session !== undefined) setLanguage(session?.me.language ?? browserLanguage());
  }, [session?.me.language, session === null]);

  useEffect(() => {
    api.me().then(
      (me) => setSession({ me }),
      () => setSession(null),
    );
    // Any 401 from an authenticated call means the cookie expired or was revoked: back to login.
    setUnauthorizedHandler(() => setSession(null));
    return () => setUnauthorizedHandler(undefined);
  }, []);

  if (session === undefined) {
    return (
      <div class="splash" role="status" aria-live="polite">
        <span class="brand-mark" aria-hidden="true" />
        <span class="visually-hidden">{tt('loadingApp')}</span>
      </div>
    );
  }

  if (session === null) {
    return <LoginPage onSignedIn={(me, token) => setSession({ me, token })} />;
  }

  const signOut = async () => {
    // The cookie is cleared server-side; even if the call fails we drop the local session.
    await api.logout().catch(() => undefined);
    setSession(null);
    navigate('/login', true);
  };

  return (
    <ShellLayout
      key={lang}
      me={session.me}
      token={session.token}
      onMeChange={(me) => setSession((s) => (s ? { ...s, me } : s))}
      onSignOut={signOut}
      onSessionLost={() => setSession(null)}
    />
  );
}
