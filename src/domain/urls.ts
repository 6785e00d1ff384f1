/** Public paths of the site's pages: one place that knows the URL scheme (DESIGN.md §6). */

/** Path of an article: /{category}/{slug}. */
export function articlePath(categorySlug: string, slug: string): string {
  return `/${categorySlug}/${slug}`;
}

/** Path of a category page. */
export function categoryPath(slug: string): string {
  return `/${slug}/`;
}

/** Path of a tag page. */
export function tagPath(slug: string): string {
  return `/tag/${slug}`;
}

/** Path of an author page. */
export function authorPath(slug: string): string {
  return `/auteur/${slug}`;
}

/** Path of a media file. */
export function mediaPath(key: string): string {
  return `/media/${key}`;
}

/** Adds `?page=N` for pages after the first. */
export function pagedPath(path: string, page: number): string {
  return page <= 1 ? path : `${path}?page=${page}`;
}
