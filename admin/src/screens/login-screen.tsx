/** The login screen, shown at any admin address while nobody is logged in. */
import { useEffect, useState, type FormEvent } from 'react';
import { messageOf } from '../api/client.js';
import { useSession } from '../app/session.js';
import { ErrorMessage, InfoMessage } from '../ui/notice.js';

/** Email and password, then the screen that was asked for. */
export function LoginScreen() {
  const { login, notice } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Connexion — Administration Dépêche';
  }, []);

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
    <main className="login" id="contenu">
      <form className="login-form card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Connexion à l’administration</h1>
        <InfoMessage>{notice}</InfoMessage>
        <ErrorMessage message={error} id="login-error" />
        <div className="field">
          <label htmlFor="login-email">Adresse e-mail</label>
          <input id="login-email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby={error ? 'login-error' : undefined} />
        </div>
        <div className="field">
          <label htmlFor="login-password">Mot de passe</label>
          <input id="login-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Connexion…' : 'Se connecter'}
        </button>
        <p className="login-back">
          <a href="/">Retour au site</a>
        </p>
      </form>
    </main>
  );
}
