/** Atom 1.0 (RFC 4287): stable ids, published and updated dates, authors with their pages, the full body. */
import type { FeedView } from '../../services/syndication-views.js';
import type { FeedBrand } from './feed-brand.js';
import { rfc3339, xmlElement, xmlText } from './xml.js';

/** Writes a feed as Atom 1.0. */
export function renderAtom(feed: FeedView, brand: FeedBrand): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">`,
    // The feed's id is the page it follows: stable as long as the listing keeps its address.
    xmlElement('id', feed.homeUrl),
    xmlElement('title', feed.title),
    xmlElement('subtitle', feed.description),
    xmlElement('updated', rfc3339(feed.updatedAt)),
    `<link rel="alternate" type="text/html" href="${xmlText(feed.homeUrl)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(feed.feedUrls.atom)}"/>`,
    xmlElement('generator', brand.generator),
    xmlElement('icon', brand.iconUrl),
    xmlElement('logo', brand.logoUrl),
  ];
  for (const item of feed.items) {
    out.push('<entry>');
    out.push(xmlElement('id', item.id));
    out.push(xmlElement('title', item.title));
    out.push(`<link rel="alternate" type="text/html" href="${xmlText(item.url)}"/>`);
    out.push(xmlElement('published', rfc3339(item.publishedAt)));
    out.push(xmlElement('updated', rfc3339(item.updatedAt)));
    for (const author of item.authors) out.push(`<author>${xmlElement('name', author.name)}${xmlElement('uri', author.url)}</author>`);
    for (const category of [item.category, ...item.tags]) out.push(`<category term="${xmlText(category)}"/>`);
    out.push(`<summary type="text">${xmlText(item.summary)}</summary>`);
    out.push(`<content type="html">${xmlText(item.contentHtml)}</content>`);
    if (item.image) out.push(`<link rel="enclosure" type="${xmlText(item.image.type)}" length="${item.image.length}" href="${xmlText(item.image.url)}"/>`);
    out.push('</entry>');
  }
  out.push('</feed>', '');
  return out.join('\n');
}
