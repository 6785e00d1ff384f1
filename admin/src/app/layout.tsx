/** The frame of every screen: skip link, header with the sections the role may use, the user's menu. */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { ROLE_LABELS } from './labels.js';
import { usePendingCount } from './pending-comments.js';
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

/** The count in a badge, with words for screen readers. */
function PendingBadge(props: { count: number; words: string }) {
  return (
    <>
      {' '}
      <span className="nav-badge">{props.count}</span>
      <span className="visually-hidden"> {props.words}</span>
    </>
  );
}

/**
 * Moderators: a link to the comments screen with the pending total. Other roles cannot open
 * the screen, so they see only the count of comments waiting on their own articles (when any).
 */
function CommentsNavEntry() {
  const user = useUser();
  const pending = usePendingCount();
  if (canModerate(user.role)) {
    const total = pending?.total ?? 0;
    return (
      <li>
        <NavLink href="/commentaires">
          Commentaires
          {total > 0 ? <PendingBadge count={total} words="en attente de modération" /> : null}
        </NavLink>
      </li>
    );
  }
  const mine = pending?.mine ?? 0;
  if (mine === 0) return null;
  return (
    <li className="nav-count">
      Commentaires
      <PendingBadge count={mine} words="en attente de modération sur vos articles" />
    </li>
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
            <CommentsNavEntry />
            {isAdministrator(user.role) ? (
              <>
                <li>
                  <NavLink href="/utilisateurs">Utilisateurs</NavLink>
                </li>
                <li>
                  <NavLink href="/reglages">Réglages</NavLink>
                </li>
                <li>
                  <NavLink href="/importer">Importer</NavLink>
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
