/** `depeche import …`: bring content in from a Dépêche backup (and, with their readers, other platforms). */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { RestoreReport } from '../services/backup/backup-restore.js';
import { openApp } from './open-app.js';
import { progressBar } from './progress.js';
import { action } from './run-command.js';

/** Prints a restore's report: counts per kind, then each warning with the id it concerns. */
function printRestoreReport(report: RestoreReport & { dryRun: boolean }): void {
  const c = report.counts;
  const verb = report.dryRun ? 'Would restore (dry run, nothing written)' : 'Restored';
  process.stdout.write(`${verb}: ${c.articles} articles, ${c.comments} comments, ${c.users} users, ${c.categories} categories, ${c.tags} tags, ${c.media} media, ${c.redirects} redirects, ${c.settings} settings.\n`);
  if (report.existingUsers > 0) process.stdout.write(`${report.existingUsers} account(s) already existed (same email) and were kept as they are.\n`);
  if (!report.dryRun && c.users - report.existingUsers > 0) process.stdout.write(`Restored accounts have no password: set one with \`depeche user reset-password --email …\`.\n`);
  if (report.mediaFiles > 0) process.stdout.write(`${report.mediaFiles} media file(s) copied.\n`);
  for (const w of report.warnings) process.stdout.write(`warning: ${w.kind} ${w.id}: ${w.message}\n`);
}

/** Registers `depeche import` and its sub-commands (other importers add theirs to the same group). */
export function registerImportCommands(program: Command): Command {
  const importing = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('Import content from a file.');

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
  return importing;
}
