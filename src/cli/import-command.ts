/**
 * `depeche import wordpress|ghost|json FILE …`: content from WordPress (WXR), Ghost (JSON) or
 * a Dépêche backup. WordPress and Ghost go through the one import service (idempotent, per-item
 * reports); a backup is restored whole into an empty site.
 */
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { RestoreReport } from '../services/backup/backup-restore.js';
import { GhostReader, ghostImagesFolder } from '../services/import/ghost-reader.js';
import type { ImportReader, ImportReport } from '../services/import/import-model.js';
import { formatReport } from '../services/import/import-report.js';
import { DEFAULT_RELATED_LIMIT, ImportService, type ImportOptions } from '../services/import/import-service.js';
import { uploadsLocator } from '../services/import/uploads-locator.js';
import { WxrReader } from '../services/import/wxr-reader.js';
import { DepecheError } from '../errors.js';
import { openApp } from './open-app.js';
import { progressBar } from './progress.js';
import { action } from './run-command.js';

/** Prints a restore's report: counts per kind, then each warning with the id it concerns. */
function printRestoreReport(report: RestoreReport & { dryRun: boolean }): void {
  const c = report.counts;
  const verb = report.dryRun ? 'Would restore (dry run, nothing written)' : 'Restored';
  process.stdout.write(`${verb}: ${c.articles} articles, ${c.pages} pages, ${c.comments} comments, ${c.users} users, ${c.categories} categories, ${c.tags} tags, ${c.media} media, ${c.redirects} redirects, ${c.settings} settings.\n`);
  if (report.existingUsers > 0) process.stdout.write(`${report.existingUsers} account(s) already existed (same email) and were kept as they are.\n`);
  if (!report.dryRun && c.users - report.existingUsers > 0) process.stdout.write(`Restored accounts have no password: set one with \`depeche user reset-password --email …\`.\n`);
  if (report.mediaFiles > 0) process.stdout.write(`${report.mediaFiles} media file(s) copied.\n`);
  for (const w of report.warnings) process.stdout.write(`warning: ${w.kind} ${w.id}: ${w.message}\n`);
}

/** Runs an import through the one import service, with a progress line, the report and `--report FILE`. */
export async function runImport(makeReader: (maxBytes: number) => ImportReader, options: { dryRun?: boolean; report?: string; localFile?: ImportOptions['localFile']; filesOption?: string; relatedLimit?: number }): Promise<ImportReport> {
  const app = await openApp();
  const bar = progressBar();
  try {
    const reader = makeReader(app.config.importMaxBytes);
    // The whole file is checked first (nothing written if refused); then the bar knows its end.
    await reader.validate();
    const total = reader instanceof WxrReader ? reader.entries : reader instanceof GhostReader ? await reader.countRecords() : 0;
    const report = await new ImportService(app.services).run(reader, {
      dryRun: options.dryRun === true,
      ...(options.localFile ? { localFile: options.localFile } : {}),
      ...(options.relatedLimit !== undefined ? { relatedLimit: options.relatedLimit } : {}),
      onProgress: (records) => bar('import', records, Math.max(records, total)),
      onPhase: (phase, done, total) => bar(phase, done, total),
    });
    bar.end();
    process.stdout.write(formatReport(report, 200, options.filesOption));
    if (options.report) {
      await writeFile(options.report, `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(`Report written to ${options.report}.\n`);
    }
    return report;
  } finally {
    bar.end();
    await app.handle.close();
  }
}

/** Registers `depeche import` and its sub-commands (other importers add theirs to the same group). */
export function registerImportCommands(program: Command): Command {
  const importing = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('Import content from another platform or a Dépêche backup.');

  importing
    .command('wordpress')
    .description('Import a WordPress export (WXR file: Tools › Export in WordPress). Running it again updates what changed, never duplicates.')
    .argument('<file>', 'the WXR export (.xml)')
    .option('--uploads <dir>', 'a copy of wp-content/uploads: images are imported into the media library (otherwise they stay at their old address)')
    .option('--dry-run', 'check and count everything, write nothing')
    .option('--report <file>', 'write the full report as JSON to this file')
    .option('--related', `compute the related-article lists at the end even for more than ${DEFAULT_RELATED_LIMIT.toLocaleString('en')} published articles (a few ms per article; otherwise left to \`depeche reindex\`)`)
    .action(
      action(async (file: string, options: { uploads?: string; dryRun?: boolean; report?: string; related?: boolean }) => {
        if (options.uploads !== undefined && !(existsSync(options.uploads) && statSync(options.uploads).isDirectory())) {
          throw new DepecheError('DEPECHE_CLI_USAGE', { detail: `--uploads ${options.uploads} is not a folder` });
        }
        await runImport(() => new WxrReader(file), {
          ...(options.dryRun ? { dryRun: true } : {}),
          ...(options.report ? { report: options.report } : {}),
          ...(options.uploads !== undefined ? { localFile: uploadsLocator(options.uploads) } : {}),
          ...(options.related === true ? { relatedLimit: Infinity } : {}),
        });
      }),
    );

  importing
    .command('json <file>')
    .description('Restore a Dépêche backup (depeche export json) into an empty site; all or nothing.')
    .option('--media <dir>', 'folder holding the backup’s media files (written by export --media, or the old MEDIA_DIR)')
    .option('--dry-run', 'check the file and the site, write nothing')
    .option('--report <file>', 'also write the report as JSON to this file')
    .action(
      action(async (file: string, options: { media?: string; dryRun?: boolean; report?: string }) => {
        const app = await openApp();
        const bar = progressBar();
        try {
          const report = await app.services.backups.restorer.restoreFile(file, {
            ...(options.media !== undefined ? { mediaDir: options.media } : {}),
            dryRun: options.dryRun === true,
            maxBytes: app.config.importMaxBytes,
            onProgress: (phase, done, total) => bar(phase, done, total),
          });
          bar.end();
          printRestoreReport(report);
          if (options.report) await writeFile(options.report, `${JSON.stringify({ source: 'depeche-backup', file, ...report }, null, 2)}\n`);
        } finally {
          bar.end();
          await app.handle.close();
        }
      }),
    );
  importing
    .command('ghost <file>')
    .description('Import a Ghost export (JSON, Ghost 0.3 to 5): posts, pages, tags (primary tag → category), authors, feature images; old /{slug}/ URLs redirect. Re-running updates, never duplicates.')
    .option('--dry-run', 'read and check everything, write nothing')
    .option('--report <file>', 'also write the report as JSON to this file')
    .option('--base-url <url>', 'the old Ghost site’s address (for __GHOST_URL__ and relative images), e.g. https://blog.example.org')
    .option('--images <dir>', 'a copy of the Ghost content/images folder: feature images found there go into the media library')
    .action(
      action(async (file: string, options: { dryRun?: boolean; report?: string; baseUrl?: string; images?: string }) => {
        if (options.baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(options.baseUrl)) throw new DepecheError('DEPECHE_CLI_USAGE', { detail: '--base-url must be an http(s) address, e.g. https://blog.example.org' });
        await runImport((maxBytes) => new GhostReader(file, { maxBytes, baseUrl: options.baseUrl ?? null }), {
          ...(options.dryRun ? { dryRun: true } : {}),
          ...(options.report ? { report: options.report } : {}),
          ...(options.images ? { localFile: ghostImagesFolder(options.images) } : {}),
          filesOption: '--images',
        });
      }),
    );
  return importing;
}
