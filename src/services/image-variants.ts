/**
 * Uploaded images → web renditions with sharp. The type is read from the content (sharp's
 * decoder), never from the file name; SVG is refused (it can carry scripts). Renditions are
 * re-encoded from pixels, so EXIF, GPS, XMP and ICC extras are dropped: sharp writes no
 * metadata unless asked to (we never call withMetadata/keepExif).
 */
import type Sharp from 'sharp';
import { lazyModule } from '../lazy-module.js';

/** Loaded on the first upload: the public site never needs it. */
const sharp = lazyModule<typeof Sharp>('sharp');
import { DepecheError } from '../errors.js';
import type { ImageRendition } from './media-service.js';

/** Widths of the renditions (capped to the original's width). */
export const VARIANT_WIDTHS = [480, 800, 1200, 1600] as const;

/** Formats accepted on upload, by sharp's name for them. */
const ACCEPTED: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', heif: 'image/avif' };

/** Largest picture accepted, in pixels (a 50-megapixel photo passes; decompression bombs do not). */
const MAX_PIXELS = 80_000_000;

/** What an upload turned into. */
export interface ProcessedImage {
  sourceType: string;
  width: number;
  height: number;
  renditions: ImageRendition[];
}

/** Identifies the image by its bytes; throws 415 for anything but JPEG/PNG/WebP/AVIF/GIF. */
export async function detectImageType(bytes: Buffer): Promise<{ format: string; mime: string; width: number; height: number }> {
  let meta: Awaited<ReturnType<ReturnType<typeof Sharp>['metadata']>>;
  try {
    meta = await sharp()(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new DepecheError('DEPECHE_MEDIA_TYPE', { detail: 'contenu illisible ou non reconnu' });
  }
  const format = meta.format ?? 'inconnu';
  if (format === 'svg') throw new DepecheError('DEPECHE_MEDIA_TYPE', { detail: 'SVG refusé' });
  // HEIF is accepted only as AVIF (AV1 compression); HEIC photos are another format.
  const mime = format === 'heif' && meta.compression !== 'av1' ? undefined : ACCEPTED[format];
  if (mime === undefined || !meta.width || !meta.height) throw new DepecheError('DEPECHE_MEDIA_TYPE', { detail: `format ${format}` });
  // Width and height as shown, after the EXIF orientation.
  return { format, mime, width: meta.autoOrient?.width ?? meta.width, height: meta.autoOrient?.height ?? meta.height };
}

/** Renditions at each width up to the original's, in AVIF, WebP and JPEG. */
export async function processUpload(bytes: Buffer): Promise<ProcessedImage> {
  const type = await detectImageType(bytes);
  // rotate() applies the EXIF orientation before the EXIF goes away.
  const base = sharp()(bytes, { limitInputPixels: MAX_PIXELS, animated: false }).rotate();
  const largestWidth = Math.min(type.width, VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1] ?? type.width);
  const widths = [...new Set([...VARIANT_WIDTHS.filter((w) => w < largestWidth), largestWidth])].sort((a, b) => a - b);
  const renditions: ImageRendition[] = [];
  for (const width of widths) {
    const resized = base.clone().resize({ width, withoutEnlargement: true });
    const encodings: Array<[ImageRendition['format'], ReturnType<typeof Sharp>]> = [
      ['avif', resized.clone().avif({ quality: 55, effort: 2 })],
      ['webp', resized.clone().webp({ quality: 78 })],
      // JPEG has no transparency: flatten on white.
      ['jpeg', resized.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true })],
    ];
    for (const [format, pipeline] of encodings) {
      const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
      renditions.push({ width: info.width, height: info.height, format, bytes: data });
    }
  }
  const largest = renditions.filter((r) => r.format === 'jpeg').sort((a, b) => b.width - a.width)[0];
  return { sourceType: type.mime, width: largest?.width ?? type.width, height: largest?.height ?? type.height, renditions };
}
