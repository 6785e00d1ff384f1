/** An admin address that leads nowhere. */
import { Link } from 'wouter';
import { PageTitle } from '../ui/page-title.js';

/** French "not found" inside the admin frame. */
export function NotFoundScreen() {
  return (
    <>
      <PageTitle text="Page introuvable">Page introuvable</PageTitle>
      <p>
        Cette page de l’administration n’existe pas. <Link href="/">Revenir à la liste des articles</Link>
      </p>
    </>
  );
}
