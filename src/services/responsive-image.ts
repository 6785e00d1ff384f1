/** A media library row → the renditions a responsive `<picture>` lists. */
import type { ResponsiveImage } from '../domain/document/render-document.js';
import { mediaPath } from '../domain/urls.js';
import type { MediaRow } from '../storage/schema.js';
import type { StoredVariant } from './media-service.js';

/** JPEG renditions as `srcset`, AVIF and WebP as `<source>`s, smallest first. */
export function responsiveImage(media: MediaRow, mediaBase?: string): ResponsiveImage {
  const variants = JSON.parse(media.variants) as StoredVariant[];
  const byFormat = (format: string) => variants.filter((v) => v.format === format).sort((a, b) => a.width - b.width);
  const srcset = (list: StoredVariant[]) => list.map((v) => `${mediaPath(v.key, mediaBase)} ${v.width}w`).join(', ');
  return {
    src: mediaPath(media.storage_key, mediaBase),
    width: media.width,
    height: media.height,
    srcset: srcset(byFormat('jpeg')),
    sources: ['avif', 'webp'].map((f) => ({ type: `image/${f}`, srcset: srcset(byFormat(f)) })).filter((s) => s.srcset !== ''),
  };
}
