/**
 * Imports from the Admin API on both databases: an administrator uploads a Ghost export, a
 * WordPress WXR file or a Dépêche backup (told apart by content), follows the background job
 * and reads its report; a dry run writes nothing; unknown files, files over the limit and
 * other roles are refused; the CSRF token is required.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { createServices } from '../../src/services/index.js';
import { buildServer } from '../../src/web/server.js';
import { buildStaff, loginAs, type AdminClient } from '../support/admin-client.js';
import { buildTestApp, testConfig, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { multipart } from '../support/images.js';
import { buildRichSite } from '../support/rich-site.js';
import { sharedTestdata } from '../support/shared-testdata.js';

const ghost = sharedTestdata('ghost');
const START = Date.parse('2026-02-02T08:00:00Z');

function upload(name: string, bytes: Buffer, dryRun = false) {
  return { method: 'POST' as const, url: '/api/admin/imports', ...multipart({ ...(dryRun ? { dryRun: 'true' } : {}), file: { name, type: 'application/octet-stream', bytes } }) };
}

interface Job {
  id: number;
  kind: string;
  status: string;
  done: number;
  total: number;
  error: string | null;
}

/** Polls a job until it ends (deadline generous for a loaded machine). */
async function finished(client: AdminClient, id: number): Promise<Job> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = (await client.get(`/api/admin/imports/${id}`)).json() as Job;
    if (job.status !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`import ${id} still running after 60 s: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function counts(db: TestDatabase): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['articles', 'pages', 'categories', 'tags', 'comments', 'redirects', 'import_map'] as const) out[table] = Number((await db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return out;
}

describeEachDatabase('imports from the Admin API', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let admin: AdminClient;
  let editor: AdminClient;
  let backup: Buffer;
  let wxr: Buffer;
  let sourceDb: TestDatabase;
  let sourceMedia: string;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db);
    await buildStaff(app.services);
    admin = await loginAs(app.server, 'administrator');
    editor = await loginAs(app.server, 'editor');
    // A backup and a WXR file of another site.
    sourceDb = await createTestDatabase(dialect);
    sourceMedia = mkdtempSync(join(tmpdir(), 'depeche-admin-import-src-'));
    const clock = fixedClock(START);
    const source = createServices({ db: sourceDb.db, site: { siteUrl: 'http://localhost:3000', siteName: 'Source', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: sourceMedia, clock });
    await buildRichSite(source, clock, START);
    let text = '';
    await source.backups.exporter.write(async (chunk) => {
      text += chunk;
    });
    backup = Buffer.from(text);
    text = '';
    await source.wxrExport.write(async (chunk) => {
      text += chunk;
    });
    wxr = Buffer.from(text);
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await sourceDb?.destroy();
    if (sourceMedia) rmSync(sourceMedia, { recursive: true, force: true });
  });

  it('refuses other roles and requests without the CSRF token', async () => {
    const file = Buffer.from(JSON.stringify({ meta: { version: '5.0.0' }, data: { posts: [] } }));
    expect((await editor.request(upload('ghost.json', file))).statusCode).toBe(403);
    expect((await admin.request(upload('ghost.json', file), { csrf: false })).statusCode).toBe(403);
  });

  it('refuses a file of unknown type with a French message', async () => {
    const res = await admin.request(upload('notes.txt', Buffer.from('Bonjour')));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'DEPECHE_IMPORT_REFUSED', message: expect.stringMatching(/type de fichier non reconnu/) } });
  });

  it('restores a Dépêche backup into the empty site, with progress and a report', async () => {
    const dry = await admin.request(upload('sauvegarde.json', backup, true));
    expect(dry.statusCode).toBe(202);
    const dryJob = await finished(admin, (dry.json() as Job).id);
    expect(dryJob).toMatchObject({ kind: 'depeche-backup', status: 'done' });
    expect((await counts(db)).articles).toBe(0);

    const res = await admin.request(upload('sauvegarde.json', backup));
    expect(res.statusCode).toBe(202);
    const job = await finished(admin, (res.json() as Job).id);
    expect(job).toMatchObject({ status: 'done', error: null });
    const report = (await admin.get(`/api/admin/imports/${job.id}/report`)).json() as { source: string; counts: Record<string, { created: number }> };
    expect(report.source).toBe('depeche-backup');
    expect(report.counts.articles!.created).toBe(7);
    expect(report.counts.comments!.created).toBe(6);
    expect(await counts(db)).toMatchObject({ articles: 7, pages: 1, comments: 6 });

    // Once the site holds content, a backup is refused (the job fails with the reason).
    const again = await admin.request(upload('sauvegarde.json', backup));
    const failed = await finished(admin, (again.json() as Job).id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/site vide/);
    expect((await admin.get(`/api/admin/imports/${failed.id}/report`)).statusCode).toBe(404);
  });

  it('imports a WordPress file on top, then again without duplicating', async () => {
    const res = await admin.request(upload('export.xml', wxr));
    expect(res.statusCode).toBe(202);
    const job = await finished(admin, (res.json() as Job).id);
    expect(job).toMatchObject({ kind: 'wordpress', status: 'done' });
    expect(job.done).toBe(job.total);
    const report = (await admin.get(`/api/admin/imports/${job.id}/report`)).json() as { counts: Record<string, { created: number; unchanged: number }> };
    // Same slugs as the restored articles: the importer takes new ones ("-2"), it never overwrites.
    expect(report.counts.articles!.created).toBe(7);
    const before = await counts(db);
    const second = await finished(admin, ((await admin.request(upload('export.xml', wxr))).json() as Job).id);
    const again = (await admin.get(`/api/admin/imports/${second.id}/report`)).json() as { counts: Record<string, { created: number; unchanged: number }> };
    expect(again.counts.articles).toMatchObject({ created: 0, unchanged: 7 });
    expect(await counts(db)).toEqual(before);
  });

  it('imports a real Ghost export', async (context) => {
    if (!ghost.available) return context.skip(ghost.skipReason);
    const bytes = readFileSync(join(ghost.path, 'tryghost-migrate/ghost.json'));
    const job = await finished(admin, ((await admin.request(upload('ghost.json', bytes))).json() as Job).id);
    expect(job).toMatchObject({ kind: 'ghost', status: 'done' });
    const report = (await admin.get(`/api/admin/imports/${job.id}/report`)).json() as { counts: Record<string, { created: number }>; warnings: Array<{ sourceId: string }> };
    expect(report.counts.articles!.created).toBe(3);
    expect(report.warnings.some((w) => w.sourceId === '3686b35d96fe6fd2a2748c81')).toBe(true);
  });

  it('refuses a file over IMPORT_MAX_MB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'depeche-admin-import-limit-'));
    const server = await buildServer({ config: testConfig(dir, { IMPORT_MAX_MB: '1' }), services: app.services, logger: false });
    try {
      const client = await loginAs(server, 'administrator');
      const big = Buffer.alloc(1024 * 1024 + 10, 0x20);
      big.write('{"meta":{"version":"5.0.0"},"data":{"posts":[]}}');
      const res = await client.request(upload('ghost.json', big));
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ error: { code: 'DEPECHE_IMPORT_TOO_LARGE', message: expect.stringContaining('1 Mo') } });
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
