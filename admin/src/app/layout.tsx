/** The frame of every screen: skip link, header with the sections the role may use, the user's menu. */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { ROLE_LABELS } from './labels.js';
import { canModerate, isAdministrator } from './permissions.js';
import { useSession, useUser } from './session.js';
import { confirmLeave } from './unsaved-changes.js';

function NavLink(props: { href: string; children: ReactNode; exact?: boolean }) {
  const [location] = useLocation();
  const current = props.exact ? location === props.href : location === props.href || location.startsWith(`${props.href}/`);
  return (
    <Link href={props.href} aria-current={current ? 'page' : undefined}>
      {props.children}
    </Link>
  );
}

/** Header, navigation and the screen below. */
export function Layout(props: { children: ReactNode }) {
  const user = useUser();
  const { logout } = useSession();
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="admin-header">
        <div className="brand">
          <a href="/" className="brand-site">
            Dépêche
          </a>
          <span className="brand-area">Administration</span>
        </div>
        <nav aria-label="Administration" className="admin-nav">
          <ul>
            <li>
              <NavLink href="/" exact>
                Articles
              </NavLink>
            </li>
            <li>
              <NavLink href="/articles/nouveau" exact>
                Nouvel article
              </NavLink>
            </li>
            <li>
              <NavLink href="/medias">Médias</NavLink>
            </li>
            {canModerate(user.role) ? (
              <li>
                <NavLink href="/commentaires">Commentaires</NavLink>
              </li>
            ) : null}
            {isAdministrator(user.role) ? (
              <>
                <li>
                  <NavLink href="/utilisateurs">Utilisateurs</NavLink>
                </li>
                <li>
                  <NavLink href="/reglages">Réglages</NavLink>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
        <div className="user-menu">
          <span className="user-name">
            {user.name} <span className="user-role">({ROLE_LABELS[user.role]})</span>
          </span>
          <NavLink href="/mot-de-passe">Mot de passe</NavLink>
          <button type="button" className="button-quiet" onClick={() => confirmLeave() && void logout()}>
            Se déconnecter
          </button>
        </div>
      </header>
      <main id="contenu" className="admin-main" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}
