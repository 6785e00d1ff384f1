/** `depeche export json|wordpress`: the whole site as a Dépêche backup or a WordPress WXR file. */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { mediaFilePaths } from '../services/backup/backup-export.js';
import { openApp } from './open-app.js';
import { openOutput } from './output-file.js';
import { progressBar } from './progress.js';
import { action } from './run-command.js';

/** Copies every media file the site knows into `target` (same relative paths); returns how many, and the missing ones. */
async function copyMedia(mediaDir: string, target: string, keys: readonly string[]): Promise<{ copied: number; missing: string[] }> {
  const from = resolve(mediaDir);
  const to = resolve(target);
  let copied = 0;
  const missing: string[] = [];
  for (const key of keys) {
    const source = resolve(join(from, key));
    const destination = resolve(join(to, key));
    if (!source.startsWith(from + sep) || !destination.startsWith(to + sep)) continue;
    try {
      await mkdir(dirname(destination), { recursive: true });
      await copyFile(source, destination);
      copied++;
    } catch {
      missing.push(key);
    }
  }
  return { copied, missing };
}

/** Registers `depeche export` and its sub-commands. */
export function registerExportCommands(program: Command): void {
  const exporting = program.command('export').description('Export the whole site: a Dépêche backup (json) or a WordPress WXR file (wordpress).');

  exporting
    .command('json')
    .description('Write a full backup (format depeche-backup, version 1; see docs/backup-format.md). No passwords, sessions, API keys or secrets.')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--media <dir>', 'also copy every media file into this folder (paths as in the backup)')
    .action(
      action(async (options: { output?: string; media?: string }) => {
        const app = await openApp();
        const output = openOutput(options.output);
        const bar = progressBar();
        try {
          const report = await app.services.backups.exporter.write(output.write, { onProgress: (phase, done, total) => bar(phase, done, total) });
          await output.close();
          bar.end();
          process.stderr.write(`Backup written${options.output ? ` to ${options.output}` : ''}: ${report.articles} articles, ${report.pages} pages, ${report.comments} comments, ${report.users} users, ${report.categories} categories, ${report.tags} tags, ${report.media} media, ${report.redirects} redirects, ${report.settings} settings.\n`);
          if (options.media !== undefined) {
            const keys = (await app.services.ctx.repos.exports.media()).flatMap(mediaFilePaths);
            const copied = await copyMedia(app.config.mediaDir, options.media, keys);
            process.stderr.write(`Media: ${copied.copied} file(s) copied to ${options.media}.\n`);
            for (const key of copied.missing) process.stderr.write(`depeche: warning: media file ${key} is missing from ${app.config.mediaDir}\n`);
          }
        } catch (error) {
          bar.end();
          await output.abort();
          throw error;
        } finally {
          await app.handle.close();
        }
      }),
    );

  exporting
    .command('wordpress')
    .description('Write a WordPress eXtended RSS (WXR 1.2) file that WordPress’s importer reads.')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(
      action(async (options: { output?: string }) => {
        const app = await openApp();
        const output = openOutput(options.output);
        const bar = progressBar();
        try {
          const report = await app.services.wxrExport.write(output.write, { onProgress: (phase, done, total) => bar(phase, done, total) });
          await output.close();
          bar.end();
          process.stderr.write(`WXR written${options.output ? ` to ${options.output}` : ''}: ${report.articles} articles, ${report.pages} pages, ${report.comments} comments, ${report.attachments} attachments, ${report.authors} authors, ${report.categories} categories, ${report.tags} tags.\n`);
        } catch (error) {
          bar.end();
          await output.abort();
          throw error;
        } finally {
          await app.handle.close();
        }
      }),
    );
}
