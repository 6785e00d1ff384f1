/** The page shell: head, site header with navigation, main, footer. */
import type { ComponentChildren } from 'preact';
import type { ChromeView } from '../../services/view-models.js';
import { jsonForScript } from './render.js';

/** Props of {@link Layout}. */
export interface LayoutProps {
  chrome: ChromeView;
  title: string;
  description?: string;
  /** Path of the page (for the canonical link); omitted on error pages. */
  path?: string;
  /** Marks the current menu entry. */
  currentSection?: string;
  jsonLd?: unknown[];
  ogType?: string;
  stylesheet: string;
  noindex?: boolean;
  /** The query shown in the header's search box (on the search page). */
  searchQuery?: string;
  children: ComponentChildren;
}

/** The HTML document around every public page. */
export function Layout(props: LayoutProps) {
  const { chrome } = props;
  const fullTitle = props.title === chrome.siteName ? chrome.siteName : `${props.title} – ${chrome.siteName}`;
  return (
    <html lang={chrome.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.path !== undefined ? <link rel="canonical" href={chrome.siteUrl + props.path} /> : null}
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        <meta property="og:site_name" content={chrome.siteName} />
        <meta property="og:title" content={props.title} />
        <meta property="og:type" content={props.ogType ?? 'website'} />
        {props.path !== undefined ? <meta property="og:url" content={chrome.siteUrl + props.path} /> : null}
        {props.description ? <meta property="og:description" content={props.description} /> : null}
        <meta property="og:locale" content={chrome.language === 'fr' ? 'fr_FR' : chrome.language} />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={props.stylesheet} />
        {(props.jsonLd ?? []).map((data) => (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href="/">
              {chrome.siteName}
            </a>
            <nav class="site-nav" aria-label="Rubriques">
              <ul>
                <li>
                  <a href="/" aria-current={props.currentSection === '/' ? 'page' : undefined}>
                    Accueil
                  </a>
                </li>
                {chrome.menu.map((item) => (
                  <li>
                    <a href={item.url} aria-current={props.currentSection === item.url ? 'page' : undefined}>
                      {item.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <form class="site-search" role="search" method="get" action="/recherche">
              <label for="site-search-q" class="visually-hidden">
                Rechercher sur le site
              </label>
              <input id="site-search-q" type="search" name="q" value={props.searchQuery} placeholder="Rechercher…" maxLength={200} autocomplete="off" />
              <button type="submit">Rechercher</button>
            </form>
          </div>
        </header>
        <main id="contenu" class="wrap" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {chrome.siteName} — site d’information publié avec Dépêche, logiciel libre. Aucun traceur publicitaire.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
