/**
 * `depeche serve --workers N` as an operator runs it (the built CLI, a copy of the demo site on
 * SQLite): both workers answer requests on the one port, an edit made through one worker is
 * what every worker shows, a killed worker is replaced, SIGTERM stops everything; bad
 * `--workers` values and a worker that cannot start end with a clear message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDemoSite, type DemoCopy } from '../support/app.js';
import { runCli } from '../support/cli-runner.js';
import { connectionOwner, isAlive, request, startServe, type ServeProcess } from '../support/serve-process.js';

const PASSWORD = 'mot-de-passe-de-test';

describe('depeche serve --workers 2 on SQLite', () => {
  let demo: DemoCopy;
  let env: Record<string, string>;
  let serve: ServeProcess;
  let base: string;
  let port: number;
  let workerPids: number[];

  beforeAll(async () => {
    demo = copyDemoSite();
    env = { DATABASE_URL: `sqlite:${demo.dbFile}`, MEDIA_DIR: demo.mediaDir, SITE_URL: 'http://localhost:8080' };
    const created = await runCli(['user', 'create', '--email', 'chef@example.org', '--name', 'Chef Édition', '--role', 'editor', '--password', PASSWORD], env);
    expect(created.code, created.stderr).toBe(0);
    serve = startServe(['--workers', '2', '--port', '0'], env);
    const ready = await serve.waitFor(/is serving .* at http:\/\/localhost:(\d+) with 2 workers \(database: sqlite\)/);
    port = Number(ready[1]);
    base = `http://127.0.0.1:${port}`;
    // By slot: worker 1 first.
    workerPids = [...serve.stdout().matchAll(/Worker (\d) \(pid (\d+)\) is ready/g)].sort((a, b) => Number(a[1]) - Number(b[1])).map((m) => Number(m[2]));
  });
  afterAll(async () => {
    await serve?.stop('SIGKILL');
    demo?.remove();
  });

  it('starts two workers that both answer requests on the one port', async () => {
    expect(workerPids).toHaveLength(2);
    expect(new Set(workerPids).size).toBe(2);
    const owners = new Set<number | undefined>();
    for (let i = 0; i < 8; i++) {
      // A kept-alive connection, so that the worker holding it can be looked up.
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const answer = await request(`${base}/`, { agent });
        expect(answer.status).toBe(200);
        expect(answer.body).toContain('<html');
        owners.add(connectionOwner(answer.localPort, port, workerPids));
      } finally {
        agent.destroy();
      }
    }
    expect([...owners].sort()).toEqual([...workerPids].sort());
  });

  it('shows an edit made through one worker on every worker', async () => {
    const login = await request(`${base}/api/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'chef@example.org', password: PASSWORD }) });
    expect(login.status, login.body).toBe(200);
    const cookie = String(login.headers['set-cookie']?.[0]).split(';')[0]!;
    const { csrfToken } = JSON.parse(login.body) as { csrfToken: string };
    const list = await request(`${base}/api/admin/articles?status=published`, { headers: { cookie } });
    const article = (JSON.parse(list.body) as { items: Array<{ id: number; url: string }> }).items[0]!;
    // Every worker renders the page once before the edit (so a page cache would hold it).
    for (let i = 0; i < 4; i++) expect((await request(`${base}${article.url}`)).status).toBe(200);

    // Letters only: French typography would group the digits of a number.
    const title = `Un titre corrigé par un worker ${Math.random().toString(36).replace(/[^a-z]/g, '')}`;
    const edited = await request(`${base}/api/admin/articles/${article.id}`, { method: 'PATCH', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
    expect(edited.status, edited.body).toBe(200);
    const start = Date.now();
    // New connections go to the workers in turn: four in a row showing the new title means both do.
    let inARow = 0;
    while (inARow < 4) {
      const page = await request(`${base}${article.url}`);
      inARow = page.body.includes(title) ? inARow + 1 : 0;
      if (Date.now() - start > 10_000) throw new Error('a worker still shows the old title after 10 s');
    }
    process.stdout.write(`  workers: every worker showed the edit ${Date.now() - start} ms after it was saved\n`);
  });

  it('replaces a worker that dies, while the other keeps serving', async () => {
    const [victim] = workerPids;
    process.kill(victim!, 'SIGKILL');
    await serve.waitFor(new RegExp(`worker 1 \\(pid ${victim}\\) stopped \\(signal SIGKILL\\); starting a new one in 1 s\\.`), 10_000, 'stderr');
    expect((await request(`${base}/`)).status).toBe(200);
    const readyLines = () => [...serve.stdout().matchAll(/Worker 1 \(pid (\d+)\) is ready/g)].map((m) => Number(m[1]));
    const start = Date.now();
    while (readyLines().length < 2) {
      if (Date.now() - start > 30_000) throw new Error(`no new worker 1; stderr: ${serve.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const newPid = readyLines()[1]!;
    expect(newPid).not.toBe(victim);
    expect(isAlive(newPid)).toBe(true);
    workerPids = [newPid, workerPids[1]!];
    for (let i = 0; i < 4; i++) expect((await request(`${base}/`)).status).toBe(200);
  });

  it('stops the workers and itself on SIGTERM', async () => {
    const code = await serve.stop('SIGTERM');
    expect(code).toBe(0);
    for (const pid of workerPids) expect(isAlive(pid)).toBe(false);
    await expect(request(`${base}/`)).rejects.toThrow();
  });
});

describe('depeche serve --workers: when the primary is killed', () => {
  it('has its workers leave rather than linger without it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'depeche-orphans-'));
    const serve = startServe(['--workers', '2', '--port', '0'], { DATABASE_URL: `sqlite:${join(dir, 'site.db')}`, MEDIA_DIR: join(dir, 'media') });
    try {
      await serve.waitFor(/with 2 workers/);
      const pids = [...serve.stdout().matchAll(/\(pid (\d+)\) is ready/g)].map((m) => Number(m[1]));
      expect(pids).toHaveLength(2);
      await serve.stop('SIGKILL');
      const start = Date.now();
      while (pids.some(isAlive)) {
        if (Date.now() - start > 15_000) throw new Error('workers still alive 15 s after their primary was killed');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await serve.stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('depeche serve --workers: refusals', () => {
  it('refuses a number of workers that is not one', async () => {
    for (const value of ['0', 'deux', '1000']) {
      const result = await runCli(['serve', '--workers', value], { DATABASE_URL: 'sqlite::memory:' });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--workers must be a whole number from 1 to 256/);
    }
  });

  it('stops with a clear message when the workers cannot listen', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const taken = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const result = await runCli(['serve', '--workers', '2', '--port', String(taken)], { DATABASE_URL: 'sqlite::memory:' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${taken} is already in use`);
      expect(result.stderr).toMatch(/worker \d could not start \(exit code 1\); stopping\./);
    } finally {
      blocker.close();
    }
  });

  it('names every missing S3 variable, one per line, and exits 1', async () => {
    const result = await runCli(['migrate'], { DATABASE_URL: 'sqlite::memory:', MEDIA_STORAGE: 's3' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'depeche: invalid configuration: S3_ENDPOINT is required when MEDIA_STORAGE=s3',
      'depeche: invalid configuration: S3_BUCKET is required when MEDIA_STORAGE=s3',
      'depeche: invalid configuration: S3_ACCESS_KEY_ID is required when MEDIA_STORAGE=s3',
      'depeche: invalid configuration: S3_SECRET_ACCESS_KEY is required when MEDIA_STORAGE=s3',
    ]);
  });
});
