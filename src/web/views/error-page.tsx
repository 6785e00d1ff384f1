/** Error pages in the reader's language, never with a stack trace. */
import type { ChromeView } from '../../services/view-models.js';
import { Layout } from './layout.js';

const TITLES: Record<number, string> = { 400: 'Requête invalide', 404: 'Page introuvable', 405: 'Action impossible', 501: 'Bientôt disponible', 503: 'Service indisponible' };

/** Renders an error page for an HTTP status. */
export function ErrorPage(props: { chrome: ChromeView; status: number; message: string; stylesheet: string }) {
  const title = TITLES[props.status] ?? (props.status >= 500 ? 'Erreur du serveur' : 'Erreur');
  return (
    <Layout chrome={props.chrome} title={title} stylesheet={props.stylesheet} noindex>
      <section class="error-page">
        <p class="kicker">Erreur {props.status}</p>
        <h1>{title}</h1>
        <p>{props.message}</p>
        <p>
          <a href="/">Revenir à l’accueil</a>
        </p>
      </section>
    </Layout>
  );
}
