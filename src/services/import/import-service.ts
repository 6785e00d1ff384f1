/**
 * The one import writer: turns the records of any reader (WordPress, Ghost, backups) into
 * Dépêche content through the same services the admin uses. It is
 * - idempotent: every item is keyed by (source, kind, source id) in `import_map` with a hash of
 *   what was imported; an unchanged item is skipped, a changed one updated, never duplicated;
 * - safe: the reader validates the whole input before anything is written; then records are
 *   written in batches, one transaction each, and one bad item (a savepoint) is skipped and
 *   reported without losing its batch; an interrupted import resumes where it stopped;
 * - honest: a report counts what was created, updated, unchanged and skipped per type and
 *   lists every warning with the item's source id.
 * A dry run does everything inside one transaction that is rolled back (and copies no file).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DepecheError } from '../../errors.js';
import { SITE_TAG } from '../../domain/cache-tags.js';
import type { Services } from '../index.js';
import type { ServiceContext } from '../context.js';
import { DeferredTerms } from '../search/deferred-terms.js';
import { ImportReportBuilder } from './import-report.js';
import type { ImportReader, ImportRecord, ImportReport } from './import-model.js';
import { ImportWriter, type PendingLinks } from './import-writer.js';

/** Unexpected failures in a row after which the import stops (something is broken, not one item). */
const MAX_CONSECUTIVE_FAILURES = 50;

/** How an import runs. */
export interface ImportOptions {
  /** Validate and count everything, write nothing. */
  dryRun?: boolean;
  /** Records per transaction. */
  batchSize?: number;
  /**
   * Where the file of an attachment is on disk (a copy of the old site's uploads), by its
   * original URL; undefined keeps the image at its original address.
   */
  localFile?: (url: string) => string | undefined;
  /** Told how many records were handled so far. */
  onProgress?: (records: number) => void;
  /** Told of the final passes (related articles). */
  onPhase?: (phase: 'links' | 'related', done: number, total: number) => void;
  /**
   * Most published articles whose related lists are computed at the end (default
   * {@link DEFAULT_RELATED_LIMIT}); past it they are left to `depeche reindex`.
   */
  relatedLimit?: number;
}

/** Thrown to roll a dry run back. */
class DryRunRollback extends Error {}

/** Default records per transaction: large enough to amortise commits, small enough to keep locks short. */
export const DEFAULT_BATCH_SIZE = 250;

/**
 * Related lists cost a more-like-this search per article (a few ms, more as the archive
 * grows): an import of more published articles than this leaves them to `depeche reindex`,
 * and article pages fill their related box from the article's tags and category meanwhile.
 */
export const DEFAULT_RELATED_LIMIT = 5_000;

/** Runs imports. */
export class ImportService {
  private failuresInARow = 0;

  constructor(private readonly services: Services) {}

  /** Imports everything a reader yields; throws DEPECHE_IMPORT_REFUSED (nothing written) for a refused input. */
  async run(reader: ImportReader, options: ImportOptions = {}): Promise<ImportReport> {
    await reader.validate();
    const report = new ImportReportBuilder(reader.source, options.dryRun === true);
    const pending: PendingLinks = { categoryParents: [], featuredImages: [], commentParents: [], publishedArticles: [] };
    const ctx = this.services.ctx;
    if (options.dryRun) {
      try {
        await ctx.repos.transaction(async (repos) => {
          await this.stream(reader, options, { ...ctx, repos }, report, pending);
          throw new DryRunRollback();
        });
      } catch (error) {
        if (!(error instanceof DryRunRollback)) throw error;
      }
      return report.finish();
    }
    try {
      await this.stream(reader, options, ctx, report, pending);
      const published = pending.publishedArticles;
      if (published.length > (options.relatedLimit ?? DEFAULT_RELATED_LIMIT)) {
        report.deferRelated(published.length);
      } else if (published.length > 0) {
        // Related lists once at the end: during the import each write only indexed its article.
        await this.services.searchIndexer.refreshRelated(published, (done, total) => options.onPhase?.('related', done, total));
      }
    } finally {
      // An import touches much of the site at once (comments, menus, related lists): every
      // cached page is dropped once, even after a failure, since committed batches stay.
      await ctx.invalidator.publish([SITE_TAG]);
    }
    return report.finish();
  }

  private async stream(reader: ImportReader, options: ImportOptions, ctx: ServiceContext, report: ImportReportBuilder, pending: PendingLinks): Promise<void> {
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    let batch: ImportRecord[] = [];
    let done = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const records = batch;
      batch = [];
      await this.writeBatch(reader, options, ctx, report, pending, records);
      done += records.length;
      options.onProgress?.(done);
    };
    for await (const record of reader.records()) {
      batch.push(record);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await ctx.repos.transaction(async (repos) => {
      const terms = new DeferredTerms();
      const writer = this.writer(reader, options, { ...ctx, repos }, report, pending, terms);
      await writer.resolvePending((done, total) => options.onPhase?.('links', done, total));
      await terms.flush(repos);
    });
  }

  private writer(reader: ImportReader, options: ImportOptions, ctx: ServiceContext, report: ImportReportBuilder, pending: PendingLinks, terms: DeferredTerms): ImportWriter {
    const indexer = this.services.searchIndexer;
    // Each article write indexes the article for search; its vocabulary is written with the
    // batch, related lists at the end.
    const indexOnly = (repos: ServiceContext['repos'], id: number) => indexer.sync(repos, id, { related: false, deferred: terms });
    const listeners = ctx.articleWriteListeners.map((l) => (l === indexer.listener ? indexOnly : l));
    return new ImportWriter({
      // The whole cache is dropped once at the end (see run): writes need not name stale pages.
      ctx: { ...ctx, articleWriteListeners: listeners, siteStaleAtEnd: true },
      source: reader.source,
      baseUrl: reader.baseUrl,
      dryRun: options.dryRun === true,
      report,
      pending,
      terms,
      readFile: async (url) => {
        const path = options.localFile?.(url);
        if (path === undefined) return undefined;
        try {
          return { bytes: await readFile(path), filename: basename(path) };
        } catch (error) {
          const detail = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
          return { error: `file ${path} cannot be read (${detail})` };
        }
      },
    });
  }

  private async writeBatch(reader: ImportReader, options: ImportOptions, ctx: ServiceContext, report: ImportReportBuilder, pending: PendingLinks, records: ImportRecord[]): Promise<void> {
    await ctx.repos.transaction(async (repos) => {
      const terms = new DeferredTerms();
      const writer = this.writer(reader, options, { ...ctx, repos }, report, pending, terms);
      for (const record of records) {
        try {
          // A savepoint per item: a failing item is undone alone and the batch goes on.
          await repos.attempt(() => writer.write(record));
          terms.keepItem();
          this.failuresInARow = 0;
        } catch (error) {
          terms.dropItem();
          const expected = error instanceof DepecheError;
          if (!expected && ++this.failuresInARow > MAX_CONSECUTIVE_FAILURES) throw error;
          const message = expected ? error.messageIn('en') : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
          writer.skipped(record, message);
        }
      }
      await terms.flush(repos);
    });
  }
}

