/** `depeche comments …` run as a child process on both databases: list, moderate, export, erase, settings. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../src/config.js';
import { createServices, type Services } from '../../src/services/index.js';
import { run } from '../support/cli.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite } from '../support/factories.js';

function databaseUrl(config: DatabaseConfig): string {
  return config.kind === 'sqlite' ? `sqlite:${config.filename}` : config.connectionString;
}

describeEachDatabase('depeche comments', (dialect) => {
  // Each run is a process start: PostgreSQL runs the main path, SQLite every case.
  const full = dialect === 'sqlite';
  let db: TestDatabase;
  let services: Services;
  let env: Record<string, string>;
  const ids: number[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    services = createServices({ db: db.db, site: { siteUrl: 'https://www.exemple.fr', siteName: 'Test', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: '/tmp' });
    const site = await buildSite(services);
    const articleId = await buildArticle(services, site, { slug: 'en-ligne-de-commande' });
    for (const [email, status] of [['lou@example.org', 'pending'], ['lou@example.org', 'pending'], ['max@example.org', 'approved']] as const) {
      ids.push(await services.comments.recordComment({ articleId, status, authorName: email.split('@')[0]!, authorEmail: email, body: `Texte de ${email} n° ${ids.length}`, createdAt: Date.now() + ids.length }));
    }
    env = { DATABASE_URL: databaseUrl(db.config), SITE_URL: 'https://www.exemple.fr' };
  });
  afterAll(async () => db?.destroy());

  it('lists pending comments and approves, spams, trashes and restores them by id', async () => {
    const list = await run(['comments', 'list', '--status', 'pending'], env);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines.map((l) => Number(l.split('\t')[0]))).toEqual([ids[1], ids[0]]);
    expect(lines[0]).toContain('/monde/en-ligne-de-commande\tlou <lou@example.org>\tTexte de lou@example.org');
    expect(list.stderr).toContain('2 pending, 1 approved, 0 spam, 0 in trash');

    const approve = await run(['comments', 'approve', String(ids[0]), String(ids[1])], env);
    expect(approve.code).toBe(0);
    expect(approve.stdout).toBe(`${ids[0]}\tapproved\n${ids[1]}\tapproved\n`);
    if (!full) return;
    expect((await run(['comments', 'spam', String(ids[0])], env)).stdout).toBe(`${ids[0]}\tspam\n`);
    expect((await run(['comments', 'trash', String(ids[0])], env)).stdout).toBe(`${ids[0]}\ttrash\n`);
    expect((await run(['comments', 'restore', String(ids[0])], env)).stdout).toBe(`${ids[0]}\tspam\n`);
    // Out of the trash it is spam again; out of spam, with its earlier status forgotten in the trash, pending.
    expect((await run(['comments', 'restore', String(ids[0])], env)).stdout).toBe(`${ids[0]}\tpending\n`);
    expect((await run(['comments', 'approve', String(ids[0])], env)).stdout).toBe(`${ids[0]}\tapproved\n`);

    const refused = await run(['comments', 'approve', String(ids[2]), '999999'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`depeche: comment ${ids[2]}: Impossible de passer le commentaire`);
    expect(refused.stderr).toContain('DEPECHE_UNKNOWN_REFERENCE');
    const bad = await run(['comments', 'approve', 'douze'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect((await run(['comments', 'list', '--status', 'lu'], env)).code).not.toBe(0);
  });

  it('exports a commenter as JSON, then erases them', async () => {
    const exported = await run(['comments', 'export', '--email', 'LOU@example.org'], env);
    expect(exported.code).toBe(0);
    const data = JSON.parse(exported.stdout) as { email: string; comments: { id: number; text: string; article: { url: string } }[] };
    expect(data.email).toBe('lou@example.org');
    expect(data.comments.map((c) => c.id)).toEqual([ids[0], ids[1]]);
    expect(data.comments[0]?.article.url).toBe('https://www.exemple.fr/monde/en-ligne-de-commande');

    const erased = await run(['comments', 'erase', '--email', 'lou@example.org'], env);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toBe('Erased 2 comments written with lou@example.org.\n');
    expect(JSON.parse((await run(['comments', 'export', '--email', 'lou@example.org'], env)).stdout).comments).toEqual([]);
    const row = await services.ctx.repos.comments.findById(ids[0]!);
    expect(row).toMatchObject({ author_email: '', body: '' });
    if (!full) return;
    const invalid = await run(['comments', 'erase', '--email', 'personne'], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^depeche: .*not an email address.*\[DEPECHE_VALIDATION\]\n$/);
  });

  // Settings are plain service code under the CLI: one database is enough.
  if (full)
    it('shows and changes the comment settings, refusing bad values', async () => {
    const changed = await run(['comments', 'settings', '--set', 'maxLinks=5', '--set', 'blockedWords=["casino"]'], env);
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout)).toMatchObject({ maxLinks: 5, blockedWords: ['casino'], threadDepth: 3 });
    const bad = await run(['comments', 'settings', '--set', 'threadDepth=0'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('threadDepth must be an integer from 1 to 10');
    expect(JSON.parse((await run(['comments', 'settings'], env)).stdout).maxLinks).toBe(5);
  });
});
