/** Changing one's own password. */
import { useState, type FormEvent } from 'react';
import { messageOf } from '../api/client.js';
import { sessionApi } from '../api/endpoints.js';
import { ErrorMessage, InfoMessage } from '../ui/notice.js';
import { PageTitle } from '../ui/page-title.js';

/** Minimum length the server accepts (src/services/user-service.ts). */
const MIN_LENGTH = 10;

/** Current password, new one twice. */
export function PasswordScreen() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (next !== again) return setError('Les deux saisies du nouveau mot de passe ne sont pas identiques.');
    if (next.length < MIN_LENGTH) return setError(`Le nouveau mot de passe doit compter au moins ${MIN_LENGTH} caractères.`);
    setBusy(true);
    setError(null);
    try {
      await sessionApi.changePassword(current, next);
      setDone(true);
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle text="Changer de mot de passe">Changer de mot de passe</PageTitle>
      <form className="form-narrow card" onSubmit={submit}>
        <ErrorMessage message={error} />
        <InfoMessage>{done ? 'Votre mot de passe a été changé. Vos autres sessions ont été fermées.' : null}</InfoMessage>
        <div className="field">
          <label htmlFor="pw-current">Mot de passe actuel</label>
          <input id="pw-current" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="pw-new">Nouveau mot de passe</label>
          <input id="pw-new" type="password" autoComplete="new-password" required minLength={MIN_LENGTH} aria-describedby="pw-new-hint" value={next} onChange={(e) => setNext(e.target.value)} />
          <p className="hint" id="pw-new-hint">
            Au moins {MIN_LENGTH} caractères.
          </p>
        </div>
        <div className="field">
          <label htmlFor="pw-again">Confirmer le nouveau mot de passe</label>
          <input id="pw-again" type="password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} />
        </div>
        <button type="submit" className="button-primary" disabled={busy}>
          Changer le mot de passe
        </button>
      </form>
    </>
  );
}
