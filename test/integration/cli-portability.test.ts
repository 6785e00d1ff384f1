/**
 * The portability commands run as an operator would (child processes, SQLite): export json
 * with its media folder, import json into a new site (report file), refusals with a clear
 * message and a non-zero exit, export wordpress to stdout, import ghost with --report.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { createServices } from '../../src/services/index.js';
import { migrateToLatest, openDatabase } from '../../src/storage/db.js';
import { runCli } from '../support/cli-runner.js';
import { buildRichSite } from '../support/rich-site.js';
import { sharedTestdata } from '../support/shared-testdata.js';

const ghost = sharedTestdata('ghost');

describe('depeche export / import commands', () => {
  let dir: string;
  let source: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'depeche-cli-portability-'));
    source = { DATABASE_URL: `sqlite:${join(dir, 'source.db')}`, MEDIA_DIR: join(dir, 'source-media') };
    const handle = await openDatabase({ kind: 'sqlite', filename: join(dir, 'source.db') });
    await migrateToLatest(handle.db);
    const start = Date.parse('2026-02-02T08:00:00Z');
    const clock = fixedClock(start);
    await buildRichSite(createServices({ db: handle.db, site: { siteUrl: 'http://localhost:3000', siteName: 'Dépêche', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: source.MEDIA_DIR!, clock }), clock, start);
    await handle.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports a backup with its media and restores it into a new site', async () => {
    const backup = join(dir, 'backup.json');
    const exported = await runCli(['export', 'json', '--output', backup, '--media', join(dir, 'backup-media')], source);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/Backup written to .*: 7 articles, 1 pages, 6 comments, 2 users, 3 categories, 3 tags, 2 media, 2 redirects/);
    expect(exported.stderr).toMatch(/Media: 2 file\(s\) copied/);
    expect(JSON.parse(readFileSync(backup, 'utf8'))).toMatchObject({ format: 'depeche-backup', version: 1 });

    const target = { DATABASE_URL: `sqlite:${join(dir, 'target.db')}`, MEDIA_DIR: join(dir, 'target-media') };
    const dry = await runCli(['import', 'json', backup, '--dry-run'], target);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Would restore \(dry run, nothing written\): 7 articles/m);
    const restored = await runCli(['import', 'json', backup, '--media', join(dir, 'backup-media'), '--report', join(dir, 'report.json')], target);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^Restored: 7 articles, 1 pages, 6 comments, 2 users/m);
    expect(restored.stdout).toContain('2 media file(s) copied.');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toMatchObject({ source: 'depeche-backup', counts: { articles: 7 } });

    const again = await runCli(['import', 'json', backup], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^depeche: A backup is restored into an empty site; this one already holds: 7 articles, 1 pages, .*\[DEPECHE_RESTORE_NOT_EMPTY\]\n$/);
  });

  it('refuses a cut-short or missing file with one clear line', async () => {
    const target = { DATABASE_URL: `sqlite:${join(dir, 'empty.db')}`, MEDIA_DIR: join(dir, 'empty-media') };
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, readFileSync(join(dir, 'backup.json'), 'utf8').slice(0, 500));
    const refused = await runCli(['import', 'json', cut], target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^depeche: Import refused: the JSON ends too early \(file cut short\?\).*\[DEPECHE_IMPORT_REFUSED\]\n$/);
    const missing = await runCli(['import', 'ghost', join(dir, 'absent.json')], target);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/absent\.json.*no such file \[DEPECHE_IMPORT_FILE\]/);
    expect(missing.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('writes a WXR file to stdout', async () => {
    const run = await runCli(['export', 'wordpress'], source);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('<?xml version="1.0" encoding="UTF-8" ?>')).toBe(true);
    expect(run.stdout.trimEnd().endsWith('</rss>')).toBe(true);
    expect(run.stderr).toMatch(/WXR written: 7 articles, 1 pages, 6 comments, 2 attachments/);
  });

  it('imports a Ghost export with a report file', async (context) => {
    if (!ghost.available) return context.skip(ghost.skipReason);
    const target = { DATABASE_URL: `sqlite:${join(dir, 'ghost.db')}`, MEDIA_DIR: join(dir, 'ghost-media') };
    const report = join(dir, 'ghost-report.json');
    const run = await runCli(['import', 'ghost', join(ghost.path, 'ghost-core/export-authors.json'), '--report', report], target);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/articles\s+3 created, 0 updated, 0 unchanged, 0 skipped/);
    expect(run.stdout).toMatch(/\[posts_authors 5a8c0aa22a49c40927b18475\] row for post unknown/);
    expect(existsSync(report)).toBe(true);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ source: 'ghost', counts: { articles: { created: 3 } } });
  });
});
