/**
 * The newsroom's commands, run as child processes: listing accounts, a one-time reset token,
 * the first-start hint, and two processes publishing due scheduled articles at once (each
 * article exactly once) on every database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../src/config.js';
import { fixedClock } from '../../src/services/clock.js';
import { createServices } from '../../src/services/index.js';
import { runCli } from '../support/cli-runner.js';
import { buildStaff } from '../support/admin-client.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { sampleBody } from '../support/factories.js';

/** A date long past, so that articles scheduled "in the future" of this fake clock are due for the real one. */
const THEN = Date.parse('2020-01-06T09:00:00Z');

function databaseUrl(config: DatabaseConfig): string {
  return config.kind === 'sqlite' ? `sqlite:${config.filename}` : config.connectionString;
}

describe('depeche user commands', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'depeche-cli-newsroom-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hints at creating the first administrator, lists accounts and prints a one-time reset token', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'newsroom.db')}`, MEDIA_DIR: join(dir, 'media'), PORT: '0', HOST: '127.0.0.1' };
    const server = await runCli(['serve'], env, { until: /serving .* at http/ });
    server.kill();
    expect(server.stdout).toContain('npx depeche user create --email you@example.org --name "Your Name" --role administrator');
    expect(server.stdout).toContain('/admin/');

    expect((await runCli(['user', 'create', '--email', 'chef@example.org', '--name', 'Rédactrice en chef', '--role', 'administrator', '--password', 'une-phrase-assez-longue'], env)).code).toBe(0);
    const list = await runCli(['user', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^\d+\tchef@example\.org\tadministrator\tRédactrice en chef\tcan log in$/m);
    expect(list.stdout).not.toContain('scrypt');

    const reset = await runCli(['user', 'reset-password', '--email', 'Chef@Example.org'], env);
    expect(reset.code).toBe(0);
    const token = reset.stdout.split('\n')[1]?.trim();
    expect(token).toMatch(/^[\w-]{30,}$/);
    const unknown = await runCli(['user', 'reset-password', '--email', 'personne@example.org'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^depeche: .*personne@example\.org.*\[DEPECHE_UNKNOWN_REFERENCE\]\n$/);
  });
});

describeEachDatabase('two processes publishing due articles', (dialect) => {
  let db: TestDatabase;
  let ids: number[];
  let mediaDir: string;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    mediaDir = mkdtempSync(join(tmpdir(), 'depeche-cli-media-'));
    const services = createServices({ db: db.db, clock: fixedClock(THEN), site: { siteUrl: 'http://localhost:3000', siteName: 'Dépêche', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir });
    const staff = await buildStaff(services);
    const categoryId = await services.taxonomy.createCategory({ name: 'Monde', slug: 'monde' });
    const editor = { id: staff.editor, role: 'editor' as const };
    ids = [];
    for (let i = 0; i < 12; i++) {
      const id = await services.editorial.create(editor, { title: `Dépêche programmée ${i}`, body: sampleBody(), categoryId, authorIds: [staff.author] });
      await services.workflow.transition(editor, id, 'scheduled', THEN + 3_600_000 + i);
      ids.push(id);
    }
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it('publishes each article exactly once', async () => {
    const env = { DATABASE_URL: databaseUrl(db.config), MEDIA_DIR: mediaDir };
    const runs = await Promise.all([runCli(['publish-due'], env), runCli(['publish-due'], env)]);
    const published: number[] = [];
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      const list = /Published \d+ scheduled article\(s\)(?:: ([\d, ]+))?\./.exec(run.stdout)?.[1];
      if (list) published.push(...list.split(', ').map(Number));
    }
    expect(published.sort((a, b) => a - b)).toEqual(ids);
    const events = await db.db.selectFrom('article_events').select(['article_id']).where('to_status', '=', 'published').execute();
    expect(events.map((e) => e.article_id).sort((a, b) => a - b)).toEqual(ids);
  });
});
