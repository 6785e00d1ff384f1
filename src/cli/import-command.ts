/** `depeche import wordpress FILE [--uploads DIR] [--dry-run] [--report FILE] [--related]`. */
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DepecheError } from '../errors.js';
import { DEFAULT_RELATED_LIMIT, ImportService } from '../services/import/import-service.js';
import { formatReport } from '../services/import/import-report.js';
import { uploadsLocator } from '../services/import/uploads-locator.js';
import { WxrReader } from '../services/import/wxr-reader.js';
import { openApp } from './open-app.js';
import { action } from './run-command.js';

function bar(label: string, done: number, total: number): void {
  if (!process.stdout.isTTY) return;
  const width = 30;
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
  process.stdout.write(`\r  ${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}   `);
}

/** Registers the `import` commands. */
export function registerImportCommands(program: Command): void {
  const group = program.command('import').description('Import content from another platform.');
  group
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
        const app = await openApp();
        try {
          const reader = new WxrReader(file);
          if (process.stdout.isTTY) process.stdout.write(`Checking ${file}…\n`);
          await reader.validate();
          // Entries go by twice (files and terms, then posts): progress counts records written.
          const report = await new ImportService(app.services).run(reader, {
            dryRun: options.dryRun === true,
            ...(options.related === true ? { relatedLimit: Infinity } : {}),
            ...(options.uploads !== undefined ? { localFile: uploadsLocator(options.uploads) } : {}),
            onProgress: (done) => bar('Importing', done, Math.max(done, reader.entries)),
            onPhase: (phase, done, total) => bar(phase === 'related' ? 'Related articles' : 'Links', done, total),
          });
          if (process.stdout.isTTY) process.stdout.write('\n');
          process.stdout.write(formatReport(report));
          if (options.report !== undefined) {
            await writeFile(options.report, `${JSON.stringify(report, null, 2)}\n`);
            process.stdout.write(`Report written to ${options.report}.\n`);
          }
        } finally {
          await app.handle.close();
        }
      }),
    );
}
