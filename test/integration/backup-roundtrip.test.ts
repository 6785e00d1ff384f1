/**
 * The Dépêche backup on both databases: a site with something of everything is exported,
 * restored into an empty database (another clock: every date must come from the file) and
 * compared record by record; restores into a non-empty site and malformed backups are
 * refused with the database unchanged; a restore failing half-way leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBackup } from '../../src/domain/backup/read-backup.js';
import { DepecheError } from '../../src/errors.js';
import { mediaFolderReader } from '../../src/services/backup/backup-restore.js';
import { fixedClock } from '../../src/services/clock.js';
import { createServices, type Services } from '../../src/services/index.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildRichSite } from '../support/rich-site.js';
import { siteSnapshot } from '../support/site-snapshot.js';

const START = Date.parse('2026-02-02T08:00:00Z');
const LATER = Date.parse('2026-09-09T09:00:00Z');
const site = { siteUrl: 'http://localhost:3000', siteName: 'Dépêche', siteLanguage: 'fr', timeZone: 'Europe/Paris' };

async function exportText(services: Services): Promise<string> {
  let text = '';
  await services.backups.exporter.write(async (chunk) => {
    text += chunk;
  });
  return text;
}

async function contentCounts(db: TestDatabase): Promise<number[]> {
  const out: number[] = [];
  for (const table of ['users', 'articles', 'pages', 'categories', 'tags', 'media', 'comments', 'redirects', 'revisions', 'article_notes', 'settings'] as const) {
    out.push(Number((await db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
  }
  return out;
}

describeEachDatabase('backup export and restore', (dialect) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let sourceServices: Services;
  let targetServices: Services;
  let dirs: string[];
  let backup: string;

  beforeAll(async () => {
    dirs = [mkdtempSync(join(tmpdir(), 'depeche-backup-src-')), mkdtempSync(join(tmpdir(), 'depeche-backup-dst-'))];
    source = await createTestDatabase(dialect);
    target = await createTestDatabase(dialect);
    const clock = fixedClock(START);
    sourceServices = createServices({ db: source.db, site, mediaDir: dirs[0]!, clock });
    await buildRichSite(sourceServices, clock, START);
    targetServices = createServices({ db: target.db, site, mediaDir: dirs[1]!, clock: fixedClock(LATER) });
    backup = await exportText(sourceServices);
  });
  afterAll(async () => {
    await source?.destroy();
    await target?.destroy();
    for (const dir of dirs ?? []) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a valid, versioned backup without secrets', () => {
    const parsed = readBackup(JSON.parse(backup) as unknown);
    expect(parsed).toMatchObject({ format: 'depeche-backup', version: 1, counts: { articles: 7, pages: 1, comments: 6, users: 2, categories: 3, media: 2 } });
    expect(backup).not.toMatch(/password|scrypt|security\.|ip_hash|token/i);
    // One record per line: the file diffs and greps well.
    expect(backup.split('\n').filter((line) => line.startsWith('{"id":')).length).toBeGreaterThan(20);
  });

  it('restores into an empty site exactly what was exported', async () => {
    const report = await targetServices.backups.restorer.restore(readBackup(JSON.parse(backup) as unknown), { readMediaFile: mediaFolderReader(dirs[0]!) });
    expect(report.counts).toMatchObject({ articles: 7, pages: 1, comments: 6, users: 2, categories: 3, tags: 3, media: 2 });
    expect(report.warnings).toEqual([]);
    expect(report.mediaFiles).toBe(2);
    const [before, after] = [await siteSnapshot(source.db), await siteSnapshot(target.db)];
    // Restored accounts never have a password: compare without it, then check it.
    expect(after).toEqual(before);
    const passwords = await target.db.selectFrom('users').select('password_hash').execute();
    expect(passwords.every((u) => u.password_hash === null)).toBe(true);
    // And the backup of the restored site is the same file (but for the export time).
    const again = await exportText(targetServices);
    const strip = (text: string) => text.replace(/"exportedAt":"[^"]+"/, '');
    expect(strip(again)).toBe(strip(backup));
  });

  it('refuses to restore into a site that is not empty, changing nothing', async () => {
    const before = await contentCounts(target);
    const error = await targetServices.backups.restorer.restore(readBackup(JSON.parse(backup) as unknown)).catch((e: unknown) => e);
    expect((error as DepecheError).code).toBe('DEPECHE_RESTORE_NOT_EMPTY');
    expect(await contentCounts(target)).toEqual(before);
  });

  it('rolls a restore that fails half-way back entirely', async () => {
    const empty = await createTestDatabase(dialect);
    try {
      const services = createServices({ db: empty.db, site, mediaDir: dirs[1]!, clock: fixedClock(LATER) });
      const parsed = JSON.parse(backup) as { categories: Array<{ slug: string }> };
      // A category slug the site reserves: accepted by the file check, refused by the service mid-way.
      parsed.categories[parsed.categories.length - 1]!.slug = 'admin';
      const before = await contentCounts(empty);
      const error = await services.backups.restorer.restore(readBackup(parsed)).catch((e: unknown) => e);
      expect((error as DepecheError).code).toBe('DEPECHE_SLUG_RESERVED');
      expect(await contentCounts(empty)).toEqual(before);
    } finally {
      await empty.destroy();
    }
  });

  it('refuses malformed backups before writing anything', async () => {
    const empty = await createTestDatabase(dialect);
    const dir = mkdtempSync(join(tmpdir(), 'depeche-backup-bad-'));
    try {
      const services = createServices({ db: empty.db, site, mediaDir: dir, clock: fixedClock(LATER) });
      const base = JSON.parse(backup) as Record<string, unknown> & { articles: Array<Record<string, unknown>>; comments: Array<Record<string, unknown>> };
      const variants: Array<[string, string, RegExp]> = [
        ['truncated', backup.slice(0, Math.floor(backup.length * 0.6)), /ends too early|not valid JSON/],
        ['not a backup', JSON.stringify({ format: 'autre', version: 1 }), /not a Dépêche backup/],
        ['newer version', JSON.stringify({ ...base, version: 2 }), /newer Dépêche/],
        ['wrong type', JSON.stringify({ ...base, articles: [{ ...base.articles[0], title: 42 }, ...base.articles.slice(1)] }), /articles\[0\]\.title: expected a string/],
        ['bad status', JSON.stringify({ ...base, articles: [{ ...base.articles[0], status: 'publié' }, ...base.articles.slice(1)] }), /articles\[0\]\.status/],
        ['count mismatch', JSON.stringify({ ...base, comments: base.comments.slice(1) }), /counts\.comments/],
        ['dangling reference', JSON.stringify({ ...base, articles: [{ ...base.articles[0], categoryId: 999 }, ...base.articles.slice(1)] }), /unknown category 999/],
        ['invalid body', JSON.stringify({ ...base, articles: [{ ...base.articles[0], body: { type: 'doc', content: [{ type: 'script' }] } }, ...base.articles.slice(1)] }), /articles\[0\]\.body/],
        ['media path escaping', JSON.stringify({ ...base, media: [{ ...(base.media as Array<Record<string, unknown>>)[0], path: '../../etc/passwd' }, ...(base.media as unknown[]).slice(1)] }), /relative to the media folder/],
      ];
      const before = await contentCounts(empty);
      for (const [name, text, message] of variants) {
        const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
        await import('node:fs/promises').then((fs) => fs.writeFile(file, text));
        const error = await services.backups.restorer.restoreFile(file).catch((e: unknown) => e);
        expect(error, name).toBeInstanceOf(DepecheError);
        expect((error as DepecheError).code, name).toBe('DEPECHE_IMPORT_REFUSED');
        expect((error as DepecheError).message, name).toMatch(message);
      }
      expect(await contentCounts(empty)).toEqual(before);
    } finally {
      await empty.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
