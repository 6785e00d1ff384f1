/**
 * Structured data (schema.org JSON-LD) and social previews, built from view models: NewsArticle
 * and BreadcrumbList on articles, WebSite with its SearchAction on the home page. Texts are set
 * with the page's typography; serialising is `jsonForScript`'s job (safe inside `<script>`).
 */
import { isoWithOffset } from '../../domain/text/french-date.js';
import type { TypographyMode } from '../../domain/text/french-typography.js';
import { absoluteUrl } from '../../domain/urls.js';
import type { ArticlePageView, ChromeView, ImageView } from '../../services/view-models.js';
import { LOGO, SOCIAL_IMAGE } from '../assets.js';
import { typesetText } from './typography.js';

/** An image for previews, with an absolute URL. */
export interface PreviewImage {
  url: string;
  width: number;
  height: number;
  type: string;
  alt: string;
}

/** OpenGraph and Twitter card data of a page beyond its title and description. */
export interface SocialMeta {
  image: PreviewImage;
  article?: {
    publishedTime: string;
    modifiedTime: string;
    /** Absolute URLs of the authors' pages. */
    authors: string[];
    section: string;
    tags: string[];
  };
}

/** The site's default preview image (pages without a picture of their own). */
export function defaultPreviewImage(chrome: ChromeView): PreviewImage {
  return { url: absoluteUrl(chrome.siteUrl, SOCIAL_IMAGE.path), width: SOCIAL_IMAGE.width, height: SOCIAL_IMAGE.height, type: SOCIAL_IMAGE.type, alt: chrome.siteName };
}

/** The preview image of an article: its picture (the largest JPEG), or the site's. */
export function articlePreviewImage(chrome: ChromeView, image: ImageView | null, mode: TypographyMode): PreviewImage {
  if (image === null) return defaultPreviewImage(chrome);
  return { url: absoluteUrl(chrome.siteUrl, image.src), width: image.width, height: image.height, type: image.type, alt: typesetText(image.alt, mode) };
}

/** The publisher: the site as a news organisation, with its logo. */
function publisher(chrome: ChromeView): Record<string, unknown> {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${chrome.siteUrl}/#editeur`,
    name: chrome.siteName,
    url: `${chrome.siteUrl}/`,
    logo: { '@type': 'ImageObject', url: absoluteUrl(chrome.siteUrl, LOGO.path), width: LOGO.width, height: LOGO.height },
  };
}

/** NewsArticle of an article page. */
export function newsArticleJsonLd(view: ArticlePageView): Record<string, unknown> {
  const { chrome, article } = view;
  const mode = chrome.typography;
  const canonical = absoluteUrl(chrome.siteUrl, article.url);
  const images = article.image
    ? article.image.renditions.map((r) => ({ '@type': 'ImageObject', url: absoluteUrl(chrome.siteUrl, r.src), width: r.width, height: r.height }))
    : [{ '@type': 'ImageObject', url: absoluteUrl(chrome.siteUrl, SOCIAL_IMAGE.path), width: SOCIAL_IMAGE.width, height: SOCIAL_IMAGE.height }];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${canonical}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    url: canonical,
    headline: typesetText(article.title, mode),
    description: typesetText(article.description, mode),
    image: images,
    datePublished: isoWithOffset(article.publishedAt, chrome.timeZone),
    dateModified: isoWithOffset(article.updatedAt ?? article.publishedAt, chrome.timeZone),
    author: article.authors.map((a) => ({ '@type': 'Person', name: a.name, url: absoluteUrl(chrome.siteUrl, a.url) })),
    publisher: publisher(chrome),
    articleSection: article.category.name,
    keywords: article.tags.map((t) => t.name),
    inLanguage: article.language,
    isAccessibleForFree: true,
  };
}

/** BreadcrumbList of a page's trail (absolute URLs). */
export function breadcrumbJsonLd(chrome: ChromeView, trail: ArticlePageView['breadcrumb']): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: typesetText(item.name, chrome.typography), item: absoluteUrl(chrome.siteUrl, item.url) })),
  };
}

/** WebSite of the home page, with the search box search engines may show. */
export function webSiteJsonLd(chrome: ChromeView): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${chrome.siteUrl}/#site`,
    url: `${chrome.siteUrl}/`,
    name: chrome.siteName,
    inLanguage: chrome.language,
    publisher: publisher(chrome),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${chrome.siteUrl}/recherche?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** OpenGraph/Twitter data of an article page. */
export function articleSocialMeta(view: ArticlePageView): SocialMeta {
  const { chrome, article } = view;
  return {
    image: articlePreviewImage(chrome, article.image, chrome.typography),
    article: {
      publishedTime: isoWithOffset(article.publishedAt, chrome.timeZone),
      modifiedTime: isoWithOffset(article.updatedAt ?? article.publishedAt, chrome.timeZone),
      authors: article.authors.map((a) => absoluteUrl(chrome.siteUrl, a.url)),
      section: article.category.name,
      tags: article.tags.map((t) => t.name),
    },
  };
}
