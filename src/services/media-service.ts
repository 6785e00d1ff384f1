/** Use cases on the media library. */
import { createHash } from 'node:crypto';
import { canManageMedia, canUploadMedia, type Actor } from '../domain/policies.js';
import { slugify } from '../domain/slug.js';
import { DepecheError } from '../errors.js';
import type { MediaRow } from '../storage/schema.js';
import type { ServiceContext } from './context.js';
import { enforce } from './enforce.js';
import { processUpload } from './image-variants.js';

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
  /** Who uploaded it. */
  uploadedBy?: number | null;
}

/** The texts of a media item staff can change. */
export interface MediaTexts {
  alt?: string;
  caption?: string;
  credit?: string;
}

function text(value: string | undefined, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed.length > max) throw new DepecheError('DEPECHE_VALIDATION', { detail: `${field} : ${max} caractères au plus` });
  return trimmed;
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
    return (await this.store(input)).id;
  }

  /** Stores an image; `created` is false when the same image was already in the library. */
  private async store(input: ImageInput): Promise<{ id: number; created: boolean }> {
    if (input.renditions.length === 0) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'an image needs at least one rendition' });
    const digest = createHash('sha256');
    for (const r of input.renditions) digest.update(r.bytes);
    const hash = digest.digest('hex').slice(0, 12);
    // The same pixels under another file name or month are still the same library item.
    const same = await this.ctx.repos.media.findByContentHash(hash);
    if (same) return { id: same.id, created: false };
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
    if (existing) return { id: existing.id, created: false };
    const id = await this.ctx.repos.media.insert({
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
      uploaded_by: input.uploadedBy ?? null,
    });
    return { id, created: true };
  }

  /**
   * Adds an uploaded file: its type is checked by content, renditions are encoded (without
   * any metadata) and stored through {@link addImage}. The same image uploaded again is the
   * same library item (`duplicate`): its empty texts take the ones sent, and it leaves the trash.
   */
  async upload(actor: Actor, file: { bytes: Buffer; filename: string } & MediaTexts): Promise<{ id: number; duplicate: boolean }> {
    enforce(canUploadMedia(actor));
    const alt = text(file.alt, 'texte alternatif', 1000) ?? '';
    const caption = text(file.caption, 'légende', 1000) ?? '';
    const credit = text(file.credit, 'crédit', 300) ?? '';
    const processed = await processUpload(file.bytes);
    const name = slugify(file.filename.replace(/\.[A-Za-z0-9]{1,5}$/, ''), 40) || 'image';
    const { id, created } = await this.store({ name, renditions: processed.renditions, alt, caption, credit, uploadedBy: actor.id });
    if (!created) {
      const [row] = await this.ctx.repos.media.findByIds([id]);
      if (row) {
        const patch: Partial<Pick<MediaRow, 'alt' | 'caption' | 'credit' | 'deleted_at'>> = { deleted_at: null };
        if (row.alt === '' && alt !== '') patch.alt = alt;
        if (row.caption === '' && caption !== '') patch.caption = caption;
        if (row.credit === '' && credit !== '') patch.credit = credit;
        await this.ctx.repos.media.update(id, patch);
      }
    }
    return { id, duplicate: !created };
  }

  /**
   * Adds an image brought by an importer (no staff member uploaded it): checked by content and
   * encoded like an upload. The same image imported twice is the same library item; its empty
   * texts take the ones given.
   */
  async importImage(file: { bytes: Buffer; filename: string } & MediaTexts): Promise<{ id: number; created: boolean }> {
    const alt = (text(file.alt, 'texte alternatif', 1000) ?? '').slice(0, 1000);
    const caption = (file.caption ?? '').trim().slice(0, 1000);
    const processed = await processUpload(file.bytes);
    const name = slugify(file.filename.replace(/\.[A-Za-z0-9]{1,5}$/, ''), 40) || 'image';
    const stored = await this.store({ name, renditions: processed.renditions, alt, caption, uploadedBy: null });
    if (!stored.created) {
      const [row] = await this.ctx.repos.media.findByIds([stored.id]);
      if (row && ((row.alt === '' && alt !== '') || (row.caption === '' && caption !== ''))) {
        await this.ctx.repos.media.update(stored.id, { ...(row.alt === '' ? { alt } : {}), ...(row.caption === '' ? { caption } : {}) });
      }
    }
    return stored;
  }

  /** A media item of the library, or 404. */
  async find(id: number): Promise<MediaRow> {
    const row = await this.ctx.repos.media.findLive(id);
    if (!row) throw new DepecheError('DEPECHE_NOT_FOUND');
    return row;
  }

  /** Changes the alt text, caption or credit. */
  async updateTexts(actor: Actor, id: number, texts: MediaTexts): Promise<void> {
    const row = await this.find(id);
    enforce(canManageMedia(actor, row.uploaded_by));
    const patch: MediaTexts = {};
    const alt = text(texts.alt, 'texte alternatif', 1000);
    const caption = text(texts.caption, 'légende', 1000);
    const credit = text(texts.credit, 'crédit', 300);
    if (alt !== undefined) patch.alt = alt;
    if (caption !== undefined) patch.caption = caption;
    if (credit !== undefined) patch.credit = credit;
    await this.ctx.repos.media.update(id, patch);
  }

  /** Removes an item from the library; its files stay, since published pages may show them. */
  async remove(actor: Actor, id: number): Promise<void> {
    const row = await this.find(id);
    enforce(canManageMedia(actor, row.uploaded_by));
    await this.ctx.repos.media.update(id, { deleted_at: this.ctx.clock.now() });
  }
}
