/** Use cases on the media library. */
import { createHash } from 'node:crypto';
import { DepecheError } from '../errors.js';
import type { ServiceContext } from './context.js';

/** One encoded rendition of an image. */
export interface ImageRendition {
  width: number;
  height: number;
  format: 'jpeg' | 'webp' | 'avif' | 'png';
  bytes: Buffer;
}

/** A stored rendition, as kept in `media.variants`. */
export interface StoredVariant {
  key: string;
  width: number;
  height: number;
  format: ImageRendition['format'];
}

/** What it takes to add an image whose renditions are already encoded. */
export interface ImageInput {
  /** Readable base of the file names, e.g. the article slug. */
  name: string;
  renditions: readonly ImageRendition[];
  alt: string;
  caption?: string;
  credit?: string;
}

const MIME: Record<ImageRendition['format'], string> = { jpeg: 'image/jpeg', webp: 'image/webp', avif: 'image/avif', png: 'image/png' };
const EXTENSION: Record<ImageRendition['format'], string> = { jpeg: 'jpg', webp: 'webp', avif: 'avif', png: 'png' };

/** Adds images to the library. */
export class MediaService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Stores every rendition under a content-addressed name (so URLs can be cached forever)
   * and records the image; the largest JPEG (or first) rendition is the original.
   */
  async addImage(input: ImageInput): Promise<number> {
    if (input.renditions.length === 0) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'an image needs at least one rendition' });
    const digest = createHash('sha256');
    for (const r of input.renditions) digest.update(r.bytes);
    const hash = digest.digest('hex').slice(0, 12);
    const date = new Date(this.ctx.clock.now());
    const folder = `${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    const base = `${folder}/${input.name}-${hash}`;
    const variants: StoredVariant[] = [];
    for (const r of input.renditions) {
      const key = `${base}-${r.width}.${EXTENSION[r.format]}`;
      await this.ctx.media.put(key, r.bytes);
      variants.push({ key, width: r.width, height: r.height, format: r.format });
    }
    const original = [...input.renditions].sort((a, b) => (b.format === 'jpeg' ? 1 : 0) - (a.format === 'jpeg' ? 1 : 0) || b.width - a.width)[0]!;
    const originalVariant = variants[input.renditions.indexOf(original)]!;
    const existing = await this.ctx.repos.media.findByKey(originalVariant.key);
    if (existing) return existing.id;
    return this.ctx.repos.media.insert({
      storage_key: originalVariant.key,
      mime_type: MIME[original.format],
      width: original.width,
      height: original.height,
      byte_size: original.bytes.length,
      alt: input.alt,
      caption: input.caption ?? '',
      credit: input.credit ?? '',
      variants: JSON.stringify(variants),
      created_at: this.ctx.clock.now(),
    });
  }
}
