/** Which file of a media item to show where. */
import type { Media } from '../api/types.js';

/** The widest image the article body needs (its column is about 720 CSS px, twice for sharp screens). */
const BODY_MAX_WIDTH = 1600;

/** The file and size an article body figure points at: a widely readable variant no wider than needed. */
export function bodyImage(media: Media): { src: string; width: number | null; height: number | null } {
  // JPEG: every browser reads it (the body figure is a plain <img>, without <picture> sources).
  const best = media.variants.filter((v) => v.format === 'jpeg' && v.width <= BODY_MAX_WIDTH).sort((a, b) => b.width - a.width)[0];
  if (best) return { src: best.url, width: best.width, height: best.height };
  return { src: media.url, width: media.width, height: media.height };
}

/** A small file for thumbnails in lists and pickers. */
export function thumbnail(media: Media): string {
  const small = [...media.variants].filter((v) => v.width >= 200).sort((a, b) => a.width - b.width)[0];
  return small?.url ?? media.url;
}
