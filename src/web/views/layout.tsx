/** The page shell: head, site header with navigation, main, footer. */
import type { ComponentChildren } from 'preact';
import { feedPath } from '../../domain/urls.js';
import type { ChromeView } from '../../services/view-models.js';
import { FAVICON_PATH } from '../assets.js';
import { jsonForScript } from './render.js';
import { defaultPreviewImage, type SocialMeta } from './structured-data.js';
import { TypographyContext, typesetText } from './typography.js';

/** The feeds a page advertises: those of a listing (its path and name). */
export interface FeedSource {
  path: string;
  title: string;
}

const FEED_LINKS = [
  { format: 'rss', type: 'application/rss+xml', label: 'RSS' },
  { format: 'atom', type: 'application/atom+xml', label: 'Atom' },
  { format: 'json', type: 'application/feed+json', label: 'JSON Feed' },
] as const;

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
  /** Preview image and article facts for OpenGraph and Twitter cards (default: the site's image). */
  social?: SocialMeta;
  /** The feeds to advertise (default: the site's). */
  feeds?: FeedSource;
  stylesheet: string;
  /** Scripts of our own (progressive enhancement: every page works without them). */
  scripts?: string[];
  noindex?: boolean;
  /** The query shown in the header's search box (on the search page). */
  searchQuery?: string;
  children: ComponentChildren;
}

/** The HTML document around every public page. */
export function Layout(props: LayoutProps) {
  const { chrome } = props;
  const mode = chrome.typography;
  const title = typesetText(props.title, mode);
  const description = props.description ? typesetText(props.description, mode) : undefined;
  const fullTitle = props.title === chrome.siteName ? chrome.siteName : `${title} – ${chrome.siteName}`;
  const canonical = props.path !== undefined ? chrome.siteUrl + props.path : undefined;
  const image = props.social?.image ?? defaultPreviewImage(chrome);
  const article = props.social?.article;
  const feeds = props.feeds ?? { path: '/', title: chrome.siteName };
  return (
    <TypographyContext.Provider value={mode}>
      <html lang={chrome.language}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{fullTitle}</title>
          {description ? <meta name="description" content={description} /> : null}
          {canonical !== undefined ? <link rel="canonical" href={canonical} /> : null}
          {props.noindex ? <meta name="robots" content="noindex" /> : null}
          <meta property="og:site_name" content={chrome.siteName} />
          <meta property="og:title" content={title} />
          <meta property="og:type" content={props.ogType ?? 'website'} />
          {canonical !== undefined ? <meta property="og:url" content={canonical} /> : null}
          {description ? <meta property="og:description" content={description} /> : null}
          <meta property="og:locale" content={chrome.language === 'fr' ? 'fr_FR' : chrome.language} />
          <meta property="og:image" content={image.url} />
          <meta property="og:image:type" content={image.type} />
          <meta property="og:image:width" content={String(image.width)} />
          <meta property="og:image:height" content={String(image.height)} />
          {image.alt ? <meta property="og:image:alt" content={image.alt} /> : null}
          {article ? (
            <>
              <meta property="article:published_time" content={article.publishedTime} />
              <meta property="article:modified_time" content={article.modifiedTime} />
              {article.authors.map((url) => (
                <meta property="article:author" content={url} />
              ))}
              <meta property="article:section" content={article.section} />
              {article.tags.map((tag) => (
                <meta property="article:tag" content={tag} />
              ))}
            </>
          ) : null}
          <meta name="twitter:card" content="summary_large_image" />
          <meta name="twitter:title" content={title} />
          {description ? <meta name="twitter:description" content={description} /> : null}
          <meta name="twitter:image" content={image.url} />
          {image.alt ? <meta name="twitter:image:alt" content={image.alt} /> : null}
          <link rel="icon" href={FAVICON_PATH} type="image/svg+xml" />
          {FEED_LINKS.map((f) => (
            <link rel="alternate" type={f.type} href={feedPath(feeds.path, f.format)} title={`${typesetText(feeds.title, mode)} (${f.label})`} />
          ))}
          <link rel="stylesheet" href={props.stylesheet} />
          {(props.scripts ?? []).map((src) => (
            <script src={src} defer />
          ))}
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
              <form class="site-search" role="search" aria-label="Rechercher sur le site" method="get" action="/recherche">
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
    </TypographyContext.Provider>
  );
}
