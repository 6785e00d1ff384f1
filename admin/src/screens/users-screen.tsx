/** Staff accounts, for administrators: list, create, change name, email, role, biography or password. */
import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../api/client.js';
import { usersApi, type NewUser } from '../api/endpoints.js';
import type { Role, User } from '../api/types.js';
import { ROLE_LABELS } from '../app/labels.js';
import { isAdministrator } from '../app/permissions.js';
import { invalidateReferenceData } from '../app/reference-data.js';
import { useUser } from '../app/session.js';
import { ErrorMessage, InfoMessage, Loading } from '../ui/notice.js';
import { PageTitle } from '../ui/page-title.js';
import { useLoad } from '../ui/use-load.js';

const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** The same fields to create an account or change one. */
function UserForm(props: { user?: User; submitLabel: string; onSubmit(values: NewUser): Promise<void>; onCancel?(): void }) {
  const id = useId();
  const [email, setEmail] = useState(props.user?.email ?? '');
  const [name, setName] = useState(props.user?.name ?? '');
  const [role, setRole] = useState<Role>(props.user?.role ?? 'contributor');
  const [bio, setBio] = useState(props.user?.bio ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit({ email: email.trim(), name: name.trim(), role, bio: bio.trim(), ...(password !== '' ? { password } : {}) });
      if (!props.user) {
        setEmail('');
        setName('');
        setBio('');
        setRole('contributor');
      }
      setPassword('');
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="user-form" onSubmit={submit} aria-label={props.user ? `Modifier ${props.user.name}` : 'Nouveau compte'}>
      <ErrorMessage message={error} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>Nom affiché</label>
          <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>Adresse e-mail</label>
          <input id={`${id}-email`} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Rôle</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{props.user ? 'Nouveau mot de passe' : 'Mot de passe'}</label>
          <input id={`${id}-password`} type="password" autoComplete="new-password" minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby={`${id}-password-hint`} />
          <p className="hint" id={`${id}-password-hint`}>
            {props.user ? 'Laisser vide pour ne pas le changer.' : 'Au moins 10 caractères. Sans mot de passe, le compte sert seulement à signer des articles.'}
          </p>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-bio`}>Biographie</label>
        <textarea id={`${id}-bio`} rows={2} value={bio} onChange={(e) => setBio(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={busy}>
          {props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" className="button-quiet" onClick={props.onCancel}>
            Annuler
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The account list with inline editing, and the creation form. */
export function UsersScreen() {
  const me = useUser();
  const admin = isAdministrator(me.role);
  const users = useLoad(() => (admin ? usersApi.list() : Promise.resolve([])), [admin]);
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  if (!admin) {
    return (
      <>
        <PageTitle text="Utilisateurs">Utilisateurs</PageTitle>
        <p className="notice notice-error">La gestion des comptes est réservée aux administrateurs.</p>
      </>
    );
  }

  const changed = (text: string) => {
    setMessage(text);
    invalidateReferenceData();
    users.reload();
  };

  return (
    <>
      <PageTitle text="Utilisateurs">Utilisateurs</PageTitle>
      <InfoMessage>{message}</InfoMessage>
      <ErrorMessage message={users.error} />
      {users.loading && !users.data ? <Loading /> : null}
      {users.data ? (
        <table className="table">
          <caption className="visually-hidden">Comptes de la rédaction</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse e-mail</th>
              <th scope="col">Rôle</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) =>
              editing === user.id ? (
                <tr key={user.id}>
                  <td colSpan={4}>
                    <UserForm
                      user={user}
                      submitLabel="Enregistrer"
                      onCancel={() => setEditing(null)}
                      onSubmit={async (values) => {
                        const patch: Partial<NewUser> = { name: values.name, email: values.email, role: values.role, bio: values.bio ?? '' };
                        if (values.password) patch.password = values.password;
                        await usersApi.update(user.id, patch);
                        setEditing(null);
                        changed(`Compte de ${values.name} enregistré.`);
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={user.id}>
                  <td>{user.name}</td>
                  <td>{user.email}</td>
                  <td>{ROLE_LABELS[user.role]}</td>
                  <td>
                    <button type="button" onClick={() => setEditing(user.id)}>
                      Modifier<span className="visually-hidden"> le compte de {user.name}</span>
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      ) : null}
      <section className="card" aria-labelledby="new-user-title">
        <h2 id="new-user-title">Créer un compte</h2>
        <UserForm
          submitLabel="Créer le compte"
          onSubmit={async (values) => {
            await usersApi.create(values);
            changed(`Compte de ${values.name} créé.`);
          }}
        />
      </section>
    </>
  );
}
