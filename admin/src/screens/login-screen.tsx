/** Logging in: the login screen, and the dialog shown when a session expires mid-work. */
import { useEffect, useState, type FormEvent } from 'react';
import { messageOf } from '../api/client.js';
import { useSession } from '../app/session.js';
import { Dialog } from '../ui/dialog.js';
import { ErrorMessage, InfoMessage } from '../ui/notice.js';

/** The email and password form, on the login screen or in the dialog after a session expired. */
export function LoginForm(props: { titleId?: string; autoFocus?: boolean }) {
  const { login, notice } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  }

  return (
    <form className="login-form card" onSubmit={submit} aria-labelledby={props.titleId} aria-label={props.titleId ? undefined : 'Connexion'}>
      <InfoMessage>{notice}</InfoMessage>
      <ErrorMessage message={error} id="login-error" />
      <div className="field">
        <label htmlFor="login-email">Adresse e-mail</label>
        <input id="login-email" type="email" autoComplete="username" required autoFocus={props.autoFocus} value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby={error ? 'login-error' : undefined} />
      </div>
      <div className="field">
        <label htmlFor="login-password">Mot de passe</label>
        <input id="login-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? 'Connexion…' : 'Se connecter'}
      </button>
    </form>
  );
}

/** The login screen, at any admin address while nobody is logged in. */
export function LoginScreen() {
  useEffect(() => {
    document.title = 'Connexion — Administration Dépêche';
  }, []);
  return (
    <main className="login" id="contenu">
      <div className="login-box">
        <h1 id="login-title">Connexion à l’administration</h1>
        <LoginForm titleId="login-title" autoFocus />
        <p className="login-back">
          <a href="/">Retour au site</a>
        </p>
      </div>
    </main>
  );
}

/** Over the current screen when the session ended: log in again without losing the work in progress. */
export function ExpiredSessionDialog() {
  return (
    <Dialog title="Session expirée" onClose={() => undefined} dismissable={false}>
      <LoginForm autoFocus />
    </Dialog>
  );
}
