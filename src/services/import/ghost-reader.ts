/**
 * Reads a Ghost export (JSON, Ghost 0.3 to 5) as import records. The file is one JSON
 * document: it is read whole under the import size limit (IMPORT_MAX_MB) rather than
 * streamed. Bodies come from `html` when present, else from Lexical (Ghost 5), mobiledoc
 * (Ghost 1–4) or Markdown (0.x), converted to HTML here and to the document model by the
 * writer. The primary tag (first public tag) of each post is its category; tags starting
 * with "#" are Ghost's internal tags and are skipped. Password hashes are never read;
 * membership tables (members, tiers, Stripe, newsletters) are skipped and reported.
 */
import { join, resolve, sep } from 'node:path';
import { DepecheError } from '../../errors.js';
import { GhostExportProblem, readGhostExport, type GhostExport } from '../../domain/import/ghost/ghost-export.js';
import { DEFAULT_IMPORT_MAX_BYTES, parseJsonText, readLimitedFile } from '../files/json-file.js';
import { GhostRecords } from './ghost-records.js';
import type { ImportReader, ImportRecord } from './import-model.js';

/** Options of the Ghost reader. */
export interface GhostReaderOptions {
  /** Largest file read (bytes). */
  maxBytes?: number;
  /** The old site's address (Ghost exports do not hold it): for `__GHOST_URL__` and relative images. */
  baseUrl?: string | null;
}

/** Reads a Ghost export file. */
export class GhostReader implements ImportReader {
  readonly source = 'ghost';
  readonly baseUrl: string | null;
  private exported: GhostExport | undefined;

  constructor(
    private readonly path: string,
    private readonly options: GhostReaderOptions = {},
  ) {
    this.baseUrl = options.baseUrl ? options.baseUrl.replace(/\/+$/, '') : null;
  }

  /** Reads and checks the whole file: refuses (nothing written) what is not a readable Ghost export. */
  async validate(): Promise<void> {
    if (this.exported) return;
    const bytes = await readLimitedFile(this.path, this.options.maxBytes ?? DEFAULT_IMPORT_MAX_BYTES);
    const json = parseJsonText(bytes.toString('utf8'));
    try {
      this.exported = readGhostExport(json);
    } catch (error) {
      if (error instanceof GhostExportProblem) throw new DepecheError('DEPECHE_IMPORT_REFUSED', { detail: error.message });
      throw error;
    }
  }

  /** How many records the file gives (for progress bars). */
  async countRecords(): Promise<number> {
    let n = 0;
    for await (const _record of this.records()) n++;
    return n;
  }

  /** The records of the file (validate first). */
  async *records(): AsyncIterable<ImportRecord> {
    await this.validate();
    yield* new GhostRecords(this.exported!, this.baseUrl).all();
  }
}

/**
 * Finds the files of Ghost's images in a copy of its content/images folder: an address
 * ".../content/images/2024/05/photo.jpg" is "2024/05/photo.jpg" in that folder.
 */
export function ghostImagesFolder(folder: string): (url: string) => string | undefined {
  const root = resolve(folder);
  return (url) => {
    const at = url.indexOf('/content/images/');
    if (at < 0) return undefined;
    let relative = url.slice(at + '/content/images/'.length).split(/[?#]/)[0] ?? '';
    try {
      relative = decodeURIComponent(relative);
    } catch {
      return undefined;
    }
    const path = resolve(join(root, relative));
    return path.startsWith(root + sep) ? path : undefined;
  };
}
