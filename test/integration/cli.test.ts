/** The built `depeche` command, run as a child process like an operator would. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDemoSite, type DemoCopy } from '../support/app.js';
import { run } from '../support/cli.js';
import { createTestDatabase, testedDialects, type TestDatabase } from '../support/databases.js';

describe('depeche CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'depeche-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('documents every command with --help', async () => {
    const main = await run(['--help']);
    expect(main.code).toBe(0);
    for (const command of ['serve', 'migrate', 'demo', 'user']) expect(main.stdout).toContain(command);
    for (const args of [['serve', '--help'], ['migrate', '--help'], ['demo', '--help'], ['user', 'create', '--help']]) {
      const help = await run(args);
      expect(help.code, args.join(' ')).toBe(0);
      expect(help.stdout).toContain('Usage: depeche');
    }
  });

  it('stops on a bad variable with one line naming it', async () => {
    const result = await run(['migrate'], { PORT: 'quatre-vingt', DATABASE_URL: `sqlite:${join(dir, 'x.db')}` });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual(['depeche: invalid configuration: PORT must be an integer from 0 to 65535 (got "quatre-vingt")']);
  });

  it('says clearly when the database folder cannot be written', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const result = await run(['migrate'], { DATABASE_URL: `sqlite:${join(file, 'depeche.db')}` });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^depeche: Cannot open the database .*not-a-folder\/depeche\.db: .* \[DEPECHE_DB_NOT_WRITABLE\]$/);
  });

  it('says clearly when PostgreSQL does not answer', async () => {
    const result = await run(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^depeche: Database unreachable .*\[DEPECHE_DB_UNREACHABLE\]\n$/);
  });

  it('rejects unknown commands and options with a non-zero exit', async () => {
    expect((await run(['publish-everything'])).code).not.toBe(0);
    expect((await run(['user', 'create', '--email', 'a@b.fr', '--name', 'A', '--role', 'king'])).code).not.toBe(0);
  });

  it('creates a staff account, prints a one-time password, refuses a duplicate', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'users.db')}` };
    const created = await run(['user', 'create', '--email', 'Redac@Example.org', '--name', 'Rédaction en chef', '--role', 'administrator'], env);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/One-time password .*: \S{16,}/);
    const again = await run(['user', 'create', '--email', 'redac@example.org', '--name', 'Autre', '--role', 'editor'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('An account already exists for redac@example.org');
    const weak = await run(['user', 'create', '--email', 'x@example.org', '--name', 'X', '--password', 'court'], env);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('at least 10 characters');
  });

  describe('on the demo site', () => {
    let demo: DemoCopy;
    beforeAll(() => {
      demo = copyDemoSite();
    });
    afterAll(() => demo.remove());

    it('loads the demo idempotently', async () => {
      const result = await run(['demo'], { DATABASE_URL: `sqlite:${demo.dbFile}`, MEDIA_DIR: demo.mediaDir });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Demo content: 0 articles, 0 comments, 0 images, 0 authors and 0 categories added.');
    });

    it('serves the site and stops cleanly', async () => {
      const server = await run(['serve', '--demo-on-first-start'], { DATABASE_URL: `sqlite:${demo.dbFile}`, MEDIA_DIR: demo.mediaDir, PORT: '0', HOST: '127.0.0.1' }, { until: /serving .* at (http:\/\/\S+)/ });
      const url = /serving .* at (http:\/\/\S+) /.exec(server.stdout)?.[1];
      expect(url).toBeDefined();
      try {
        const home = await fetch(url!);
        expect(home.status).toBe(200);
        expect(await home.text()).toContain('Plan de paix');
        const article = await fetch(`${url}/actualite/plan-de-paix-rencontre-diplomatique-a-moscou`);
        expect(article.status).toBe(200);
      } finally {
        server.kill();
      }
    });
  });

  describe.runIf(testedDialects().includes('postgres'))('on PostgreSQL', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase('postgres');
    });
    afterAll(async () => db?.destroy());

    it('migrates and creates users', async () => {
      if (db.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
      const env = { DATABASE_URL: db.config.connectionString };
      const migrate = await run(['migrate'], env);
      expect(migrate.stderr).toBe('');
      expect(migrate.stdout).toContain('The database is up to date.');
      const created = await run(['user', 'create', '--email', 'pg@example.org', '--name', 'Sur Postgres', '--role', 'editor', '--password', 'une-phrase-assez-longue'], env);
      expect(created.code).toBe(0);
      const row = await db.db.selectFrom('users').select(['role', 'password_hash']).where('email', '=', 'pg@example.org').executeTakeFirst();
      expect(row?.role).toBe('editor');
      expect(row?.password_hash).toMatch(/^scrypt\$/);
    });
  });
});
