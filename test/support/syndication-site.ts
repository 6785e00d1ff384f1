/**
 * A small site for feed, sitemap and structured-data tests: visible articles of every shape
 * (typography to set, several authors, a featured image, an edit after publication, a child
 * category, an old article, a hostile headline) and hidden ones of every kind.
 */
import type { Services } from '../../src/services/index.js';
import { buildArticle, buildSite, type SiteFixture } from './factories.js';

const HOUR = 3_600_000;

/** A headline that tries to break out of `<script>`, XML and JSON. */
export const HOSTILE_TITLE = 'Un titre </script><script>alert("x")</script> & <b>gras</b> \u0001 ]]> \u2028 fin';

/** What the fixture created. */
export interface SyndicationSite extends SiteFixture {
  mediaId: number;
  /** Slugs readers can see, newest first. */
  visible: string[];
  /** Slugs readers must never see: draft, review, scheduled, unpublished, trash, future. */
  hidden: string[];
  /** Slugs published in the last 48 hours, newest first. */
  recent: string[];
}

/** A body with an internal link, an external one and a figure (relative URLs to make absolute in feeds). */
export function richBody(text: string) {
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: "Ce qu'il faut retenir" }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Lire aussi ' },
          { type: 'text', text: 'la rubrique', marks: [{ type: 'link', attrs: { href: '/monde/' } }] },
          { type: 'text', text: ' et ' },
          { type: 'text', text: 'la source', marks: [{ type: 'link', attrs: { href: 'https://example.org/source?a=1&b=2' } }] },
          { type: 'text', text: '.' },
        ],
      },
      { type: 'figure', attrs: { src: '/media/2026/03/carte.jpg', alt: 'Une carte', width: 800, height: 450, caption: 'La carte.', credit: 'Dépêche' } },
    ],
  };
}

/** Builds the site at the services' clock ("now"). */
export async function buildSyndicationSite(services: Services): Promise<SyndicationSite> {
  const site = await buildSite(services);
  const now = services.ctx.clock.now();
  const mediaId = await services.media.addImage({
    name: 'sommet',
    renditions: [
      { width: 480, height: 270, format: 'jpeg', bytes: Buffer.from('petite image') },
      { width: 1200, height: 675, format: 'jpeg', bytes: Buffer.from('grande image, un peu plus longue') },
      { width: 1200, height: 675, format: 'webp', bytes: Buffer.from('grande image webp') },
    ],
    alt: 'Des délégués autour d’une table',
    caption: 'Les délégués réunis.',
    credit: 'Photo Dépêche',
  });

  await buildArticle(services, site, {
    title: "L'« affaire » des 12345 euros : qui paiera ?",
    slug: 'affaire-des-euros',
    dek: 'Un chapô "entre guillemets"... avec 3 questions',
    body: richBody("Le 1er avril, l'enquête a commencé : 15000 pages à lire."),
    tagNames: ['Justice', 'Économie'],
    authorIds: [site.authorId, site.secondAuthorId],
    featuredMediaId: mediaId,
    publishedAt: now - 2 * HOUR,
    contentUpdatedAt: now - HOUR,
  });
  await buildArticle(services, site, { title: HOSTILE_TITLE, slug: 'titre-hostile', dek: 'Chapô & <i>balises</i>', tagNames: ['Justice'], publishedAt: now - 3 * HOUR });
  await buildArticle(services, site, { title: 'Un sommet à Nairobi', slug: 'sommet-nairobi', categoryId: site.childCategoryId, tagNames: ['Diplomatie'], authorIds: [site.secondAuthorId], publishedAt: now - 30 * HOUR });
  await buildArticle(services, site, { title: 'Des archives anciennes', slug: 'archives-anciennes', tagNames: ['Histoire'], publishedAt: now - 100 * HOUR });

  await buildArticle(services, site, { title: 'Brouillon', slug: 'cache-brouillon', status: 'draft', publishedAt: null, tagNames: ['Justice'] });
  await buildArticle(services, site, { title: 'En relecture', slug: 'cache-relecture', status: 'review', publishedAt: null, tagNames: ['Justice'] });
  await buildArticle(services, site, { title: 'Programmé', slug: 'cache-programme', status: 'scheduled', publishedAt: now + HOUR, tagNames: ['Justice'] });
  await buildArticle(services, site, { title: 'Publié demain', slug: 'cache-futur', status: 'published', publishedAt: now + 24 * HOUR, tagNames: ['Justice'] });
  const unpublished = await buildArticle(services, site, { title: 'Dépublié', slug: 'cache-depublie', publishedAt: now - 5 * HOUR, tagNames: ['Justice'] });
  await services.articles.updateArticle(unpublished, { status: 'unpublished' });
  const trashed = await buildArticle(services, site, { title: 'À la corbeille', slug: 'cache-corbeille', publishedAt: now - 6 * HOUR, tagNames: ['Justice'] });
  await services.articles.updateArticle(trashed, { status: 'trash' });

  return {
    ...site,
    mediaId,
    visible: ['affaire-des-euros', 'titre-hostile', 'sommet-nairobi', 'archives-anciennes'],
    hidden: ['cache-brouillon', 'cache-relecture', 'cache-programme', 'cache-futur', 'cache-depublie', 'cache-corbeille'],
    recent: ['affaire-des-euros', 'titre-hostile', 'sommet-nairobi'],
  };
}
