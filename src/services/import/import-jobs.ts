/**
 * Imports started from the admin (administrators): the uploaded file is imported in the
 * background of the server process that received it, through the same import service and
 * backup restorer as the CLI; its progress and final report live in `import_jobs`, so any
 * app node can answer the admin's polls. A job whose process died is reported as failed.
 */
import { rm } from 'node:fs/promises';
import { canImport, type Actor } from '../../domain/policies.js';
import { DepecheError } from '../../errors.js';
import type { ImportJobRow } from '../../storage/schema.js';
import type { RestoreReport } from '../backup/backup-restore.js';
import type { Services } from '../index.js';
import { enforce } from '../enforce.js';
import { GhostReader } from './ghost-reader.js';
import { emptyCounts, type ImportReport } from './import-model.js';
import type { ImportKind } from './import-kind.js';
import { ImportService } from './import-service.js';
import { WxrReader } from './wxr-reader.js';

/** A job as the admin sees it. */
export interface ImportJob {
  id: number;
  kind: ImportKind;
  fileName: string;
  dryRun: boolean;
  status: 'running' | 'done' | 'failed';
  phase: string;
  done: number;
  total: number;
  error: string | null;
  createdAt: number;
  updatedAt: number;
}

/** What it takes to start a job. */
export interface ImportJobStart {
  /** The uploaded file (deleted when the job ends). */
  path: string;
  fileName: string;
  kind: ImportKind;
  dryRun: boolean;
  maxBytes: number;
}

/** Progress is written at most this often (and at every phase change). */
const PROGRESS_EVERY_MS = 250;
/** A running job without progress for this long died with its process. */
const STALE_AFTER_MS = 10 * 60 * 1000;

/** The restore's report in the import report's shape (one report format for the admin). */
export function restoreAsImportReport(report: RestoreReport & { dryRun: boolean }, durationMs: number): ImportReport {
  const created = (n: number) => ({ ...emptyCounts(), created: n });
  const c = report.counts;
  return {
    source: 'depeche-backup',
    dryRun: report.dryRun,
    counts: {
      authors: { ...created(c.users - report.existingUsers), unchanged: report.existingUsers },
      categories: created(c.categories),
      tags: created(c.tags),
      attachments: created(c.media),
      articles: created(c.articles),
      pages: created(c.pages),
      comments: created(c.comments),
      redirects: created(c.redirects),
      other: created(c.settings),
    },
    warnings: report.warnings.map((w) => ({ kind: w.kind, sourceId: w.id, message: w.message })),
    warningsOmitted: 0,
    externalMedia: [],
    durationMs,
  };
}

function present(row: ImportJobRow, now: number): ImportJob {
  const stale = row.status === 'running' && now - row.updated_at > STALE_AFTER_MS;
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    fileName: row.file_name,
    dryRun: row.dry_run === 1,
    status: stale ? 'failed' : (row.status as ImportJob['status']),
    phase: row.phase,
    done: row.done,
    total: row.total,
    error: stale ? 'L’import s’est interrompu (le serveur a redémarré ?). Relancez-le : ce qui est déjà importé ne sera pas dupliqué.' : row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Starts and follows imports. */
export class ImportJobService {
  /** Jobs running in this process (tests and shutdown wait for them). */
  private readonly running = new Map<number, Promise<void>>();

  constructor(
    private readonly services: Services,
    private readonly options: { onError?: (error: unknown) => void } = {},
  ) {}

  /** Records a job and runs it in the background; returns it at once. */
  async start(actor: Actor, start: ImportJobStart): Promise<ImportJob> {
    enforce(canImport(actor));
    const now = this.services.ctx.clock.now();
    const id = await this.services.ctx.repos.importJobs.insert({
      kind: start.kind,
      file_name: start.fileName.slice(0, 255),
      dry_run: start.dryRun ? 1 : 0,
      status: 'running',
      phase: 'lecture',
      done: 0,
      total: 0,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    });
    const work = this.run(id, start).finally(() => {
      this.running.delete(id);
      void rm(start.path, { force: true });
    });
    this.running.set(id, work);
    return this.get(actor, id);
  }

  /** A job's state. */
  async get(actor: Actor, id: number): Promise<ImportJob> {
    enforce(canImport(actor));
    const row = await this.services.ctx.repos.importJobs.find(id);
    if (!row) throw new DepecheError('DEPECHE_NOT_FOUND');
    return present(row, Date.now());
  }

  /** A finished job's report (404 until it is done). */
  async report(actor: Actor, id: number): Promise<ImportReport> {
    enforce(canImport(actor));
    const row = await this.services.ctx.repos.importJobs.find(id);
    if (!row || row.report === null) throw new DepecheError('DEPECHE_NOT_FOUND');
    return JSON.parse(row.report) as ImportReport;
  }

  /** Waits for the jobs running in this process (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()]);
  }

  private async run(id: number, start: ImportJobStart): Promise<void> {
    const repos = this.services.ctx.repos;
    let last = 0;
    let lastPhase = '';
    const progress = async (phase: string, done: number, total: number) => {
      const now = Date.now();
      if (phase === lastPhase && now - last < PROGRESS_EVERY_MS) return;
      last = now;
      lastPhase = phase;
      await repos.importJobs.update(id, { phase, done, total: Math.max(total, done), updated_at: now });
    };
    // Progress writes go one after another, never in parallel with each other.
    let chain = Promise.resolve();
    const report = (phase: string, done: number, total: number) => {
      chain = chain.then(() => progress(phase, done, total)).catch(() => undefined);
    };
    const started = Date.now();
    try {
      let result: ImportReport;
      if (start.kind === 'depeche-backup') {
        const restored = await this.services.backups.restorer.restoreFile(start.path, {
          dryRun: start.dryRun,
          maxBytes: start.maxBytes,
          onProgress: (phase, done, total) => report(phase, done, total),
        });
        result = restoreAsImportReport(restored, Date.now() - started);
      } else {
        const reader = start.kind === 'wordpress' ? new WxrReader(start.path) : new GhostReader(start.path, { maxBytes: start.maxBytes });
        await reader.validate();
        const total = reader instanceof WxrReader ? reader.entries : await reader.countRecords();
        report('import', 0, total);
        result = await new ImportService(this.services).run(reader, {
          dryRun: start.dryRun,
          onProgress: (done) => report('import', done, total),
          onPhase: (phase, done, all) => report(phase === 'related' ? 'articles liés' : 'liens', done, all),
        });
      }
      await chain;
      await repos.importJobs.update(id, { status: 'done', phase: 'terminé', done: 1, total: 1, report: JSON.stringify(result), updated_at: Date.now() });
    } catch (error) {
      await chain;
      const message = error instanceof DepecheError ? error.messageIn('fr') : 'Une erreur inattendue a interrompu l’import ; ce qui a été importé ne sera pas dupliqué si vous le relancez.';
      await repos.importJobs.update(id, { status: 'failed', error: message, updated_at: Date.now() }).catch(() => undefined);
      if (!(error instanceof DepecheError)) this.options.onError?.(error);
    }
  }
}
