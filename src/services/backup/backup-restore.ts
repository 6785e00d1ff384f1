/**
 * Restores a backup (docs/backup-format.md) into an empty site, all or nothing: the file is
 * checked whole first (readBackup), then everything is written in one transaction through
 * the services every other writer uses (articles through ArticleService, so bodies are
 * rendered, listings, revisions and the search index kept in step). A failure leaves the
 * database as it was.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { BackupProblem, readBackup } from '../../domain/backup/read-backup.js';
import type { Backup } from '../../domain/backup/backup-format.js';
import { DepecheError } from '../../errors.js';
import type { ServiceContext } from '../context.js';
import { DEFAULT_IMPORT_MAX_BYTES, readJsonFile } from '../files/json-file.js';
import type { Services } from '../index.js';
import { RestoreRun } from './restore-run.js';

/** Options of {@link BackupRestorer.restore}. */
export interface RestoreOptions {
  /** Reads a media file of the backup by its path relative to the backup's media folder; undefined when absent. */
  readMediaFile?: (path: string) => Promise<Buffer | undefined>;
  /** Told as records are written. */
  onProgress?: (phase: RestorePhase, done: number, total: number) => void;
}

/** The stages of a restore, in order. */
export type RestorePhase = 'settings' | 'users' | 'categories' | 'tags' | 'media' | 'articles' | 'pages' | 'comments' | 'redirects';

/** Something restored differently from the file, with the record's id in the file. */
export interface RestoreWarning {
  kind: 'user' | 'media' | 'article' | 'page' | 'comment' | 'redirect' | 'setting';
  id: string;
  message: string;
}

/** What a restore wrote. */
export interface RestoreReport {
  counts: Record<RestorePhase, number>;
  /** Accounts that already existed (same email) and were kept as they are. */
  existingUsers: number;
  /** Media files copied into the media storage. */
  mediaFiles: number;
  warnings: RestoreWarning[];
}

/** Runs work with services bound to one transaction. */
export type TransactionRunner = <T>(work: (services: Services) => Promise<T>) => Promise<T>;

/** Checks a parsed file as a backup, turning a problem into the import error. */
export function parseBackup(json: unknown): Backup {
  try {
    return readBackup(json);
  } catch (error) {
    if (error instanceof BackupProblem) throw new DepecheError('DEPECHE_IMPORT_REFUSED', { detail: error.message });
    throw error;
  }
}

/** What a restore of this file would write. */
function dryRunReport(backup: Backup): RestoreReport {
  const c = backup.counts;
  return {
    counts: { settings: c.settings, users: c.users, categories: c.categories, tags: c.tags, media: c.media, articles: c.articles, pages: c.pages, comments: c.comments, redirects: c.redirects },
    existingUsers: 0,
    mediaFiles: 0,
    warnings: [],
  };
}

/** Reads media files from a folder, by path relative to it (never outside it). */
export function mediaFolderReader(folder: string): (path: string) => Promise<Buffer | undefined> {
  const root = resolve(folder);
  return async (path) => {
    const target = resolve(join(root, path));
    if (!target.startsWith(root + sep)) return undefined;
    try {
      return await readFile(target);
    } catch {
      return undefined;
    }
  };
}

/** Restores backups. */
export class BackupRestorer {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly inTransaction: TransactionRunner,
  ) {}

  /** What in the database stops a restore (content already there), or undefined when it may run. */
  async blockers(): Promise<string | undefined> {
    const counts = await this.ctx.repos.exports.counts();
    const found = (['articles', 'pages', 'categories', 'tags', 'media', 'comments', 'redirects'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
    return found.length > 0 ? found.join(', ') : undefined;
  }

  /**
   * Reads a backup file and restores it; with `dryRun`, only checks the file and that the
   * site is empty (nothing is written). Bad files are refused before anything is written.
   */
  async restoreFile(path: string, options: RestoreOptions & { dryRun?: boolean; maxBytes?: number; mediaDir?: string } = {}): Promise<RestoreReport & { dryRun: boolean }> {
    const backup = parseBackup(await readJsonFile(path, options.maxBytes ?? DEFAULT_IMPORT_MAX_BYTES));
    const readMediaFile = options.readMediaFile ?? (options.mediaDir === undefined ? undefined : mediaFolderReader(options.mediaDir));
    if (options.dryRun) {
      const blocking = await this.blockers();
      if (blocking !== undefined) throw new DepecheError('DEPECHE_RESTORE_NOT_EMPTY', { detail: blocking });
      return { ...dryRunReport(backup), dryRun: true };
    }
    const report = await this.restore(backup, { ...options, ...(readMediaFile ? { readMediaFile } : {}) });
    if (!readMediaFile && backup.media.length > 0) {
      report.warnings.push({ kind: 'media', id: '*', message: 'media files were not copied (no media folder given): they must already be in this site’s media folder' });
    }
    return { ...report, dryRun: false };
  }

  /** Restores a checked backup (see readBackup) into this empty site. */
  async restore(backup: Backup, options: RestoreOptions = {}): Promise<RestoreReport> {
    return this.inTransaction(async (services) => {
      const blocking = await new BackupRestorer(services.ctx, this.inTransaction).blockers();
      if (blocking !== undefined) throw new DepecheError('DEPECHE_RESTORE_NOT_EMPTY', { detail: blocking });
      return new RestoreRun(services, backup, options).run();
    });
  }
}
