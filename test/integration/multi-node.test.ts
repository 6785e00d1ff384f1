/**
 * Two app nodes as an operator runs them: two `depeche serve` processes (the built CLI) on one
 * PostgreSQL schema and one Redis (with a key prefix of their own), on two ports. A login made
 * on A works on B (sessions and CSRF secrets live in the database), a change published on A is
 * what B shows (polled, the time observed reported), a scheduled article is published exactly
 * once with both schedulers running, and the login throttle counts failures across nodes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/storage/repositories/index.js';
import { runCli } from '../support/cli-runner.js';
import { createTestDatabase, testedDialects, type TestDatabase } from '../support/databases.js';
import { sampleBody } from '../support/factories.js';
import { redisRequired } from '../support/redis.js';
import { request, startServe, type HttpAnswer, type ServeProcess } from '../support/serve-process.js';
import { TEST_REDIS_URL } from '../support/redis.js';

const redis = await redisRequired();
const postgres = testedDialects().includes('postgres');
const PASSWORD = 'mot-de-passe-de-test';

/** A logged-in staff session: its cookie and CSRF token. */
interface Session {
  cookie: string;
  csrfToken: string;
}

async function login(base: string, email: string, password = PASSWORD): Promise<HttpAnswer & { session?: Session }> {
  const answer = await request(`${base}/api/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (answer.status !== 200) return answer;
  const cookie = String(answer.headers['set-cookie']?.[0]).split(';')[0]!;
  return { ...answer, session: { cookie, csrfToken: (JSON.parse(answer.body) as { csrfToken: string }).csrfToken } };
}

function api(base: string, session: Session, method: string, path: string, body?: unknown): Promise<HttpAnswer> {
  const headers: Record<string, string> = { cookie: session.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return request(`${base}/api/admin${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

/** Polls until `check` holds; returns the milliseconds it took. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: not after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const runs = postgres && redis.run;
const reason = !postgres ? 'no PostgreSQL' : redis.reason;

(runs ? describe : describe.skip)(`two app nodes on PostgreSQL and Redis${runs ? '' : ` [${reason}, skipped]`}`, () => {
  let db: TestDatabase;
  let mediaDir: string;
  let nodeA: ServeProcess;
  let nodeB: ServeProcess;
  let a: string;
  let b: string;
  let admin: Session;
  let categoryId: number;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    if (db.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
    mediaDir = mkdtempSync(join(tmpdir(), 'depeche-nodes-media-'));
    const env = {
      DATABASE_URL: db.config.connectionString,
      REDIS_URL: TEST_REDIS_URL,
      // Keys and channel of this run only: parallel suites share the Redis server.
      REDIS_PREFIX: `depeche-test:${randomBytes(6).toString('hex')}:`,
      MEDIA_DIR: mediaDir,
      MEDIA_STORAGE: 'local',
      // Both nodes answer for the same public site, as behind one proxy.
      SITE_URL: 'http://localhost:8080',
      SCHEDULER_INTERVAL_MS: '300',
      // Info: the scheduler's "published N scheduled article(s)" lines are counted below.
      LOG_LEVEL: 'info',
    };
    const created = await runCli(['user', 'create', '--email', 'admin@example.org', '--name', 'Alice Admin', '--role', 'administrator', '--password', PASSWORD], env);
    expect(created.code, created.stderr).toBe(0);
    nodeA = startServe(['--port', '0'], env);
    nodeB = startServe(['--port', '0'], env);
    const serving = /is serving .* at http:\/\/localhost:(\d+) \(database: postgres\)/;
    a = `http://127.0.0.1:${(await nodeA.waitFor(serving))[1]}`;
    b = `http://127.0.0.1:${(await nodeB.waitFor(serving))[1]}`;
  });

  it('connects both nodes to Redis without complaint', () => {
    for (const node of [nodeA, nodeB]) expect(node.stderr()).not.toContain('Redis does not answer');
  });

  afterAll(async () => {
    const codes = await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    await db?.destroy();
    if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
    expect(codes.every((code) => code === 0 || code === undefined)).toBe(true);
  });

  it('takes a login made on A on B, CSRF token included, and ends it everywhere at logout', async () => {
    const answer = await login(a, 'admin@example.org');
    expect(answer.status, answer.body).toBe(200);
    admin = answer.session!;
    const onB = await api(b, admin, 'GET', '/session');
    expect(onB.status).toBe(200);
    expect(JSON.parse(onB.body)).toMatchObject({ user: { email: 'admin@example.org' } });
    // A state-changing request on B with the token A gave.
    const category = await api(b, admin, 'POST', '/categories', { name: 'Régions', slug: 'regions' });
    expect(category.status, category.body).toBe(201);
    categoryId = (JSON.parse(category.body) as { id: number }).id;

    const other = (await login(b, 'admin@example.org')).session!;
    expect((await api(a, other, 'GET', '/session')).status).toBe(200);
    expect((await api(a, other, 'DELETE', '/session')).status).toBe(204);
    expect((await api(b, other, 'GET', '/session')).status).toBe(401);
    expect((await api(b, admin, 'GET', '/session')).status).toBe(200);
  });

  it('shows on B what was published and then corrected on A', async () => {
    const created = await api(a, admin, 'POST', '/articles', { title: 'La fête du fleuve revient', dek: 'Trois jours sur les quais.', body: sampleBody('La fête commence vendredi soir.'), categoryId });
    expect(created.status, created.body).toBe(201);
    const { id, url } = JSON.parse(created.body) as { id: number; url: string };
    expect((await request(`${b}${url}`)).status).toBe(404);
    expect((await api(a, admin, 'POST', `/articles/${id}/transition`, { to: 'published' })).status).toBe(200);
    const published = await until(async () => (await request(`${b}${url}`)).body.includes('La fête du fleuve revient'), 'B shows the article published on A', 10_000);

    const edited = await api(a, admin, 'PATCH', `/articles/${id}`, { title: 'La fête du fleuve est reportée' });
    expect(edited.status, edited.body).toBe(200);
    const corrected = await until(async () => (await request(`${b}${url}`)).body.includes('La fête du fleuve est reportée'), 'B shows the correction made on A', 10_000);
    process.stdout.write(`  two nodes: B showed the publication ${published} ms and the correction ${corrected} ms after A saved them\n`);
  });

  it('publishes a scheduled article once, with both nodes’ schedulers running', async () => {
    const created = await api(a, admin, 'POST', '/articles', { title: 'Le pont rouvre à la circulation', dek: 'Après huit mois de travaux.', body: sampleBody('Les voitures repassent dès lundi.'), categoryId });
    const { id, url } = JSON.parse(created.body) as { id: number; url: string };
    const at = Date.now() + 2_000;
    const scheduled = await api(a, admin, 'POST', `/articles/${id}/transition`, { to: 'scheduled', at: new Date(at).toISOString() });
    expect(scheduled.status, scheduled.body).toBe(200);
    await until(async () => (await request(`${b}${url}`)).status === 200, 'the scheduled article on B', 20_000);
    // A few more passes of both schedulers.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const events = await createRepositories(db.db).articleNotes.eventsFor(id);
    expect(events.filter((e) => e.to_status === 'published')).toHaveLength(1);
    const row = await createRepositories(db.db).articles.findById(id);
    expect(row?.published_at).toBe(at);
    const logs = `${nodeA.stdout()}${nodeB.stdout()}`;
    const passes = [...logs.matchAll(/"ids":\[(\d+(?:,\d+)*)\]/g)].flatMap((m) => m[1]!.split(',').map(Number)).filter((published) => published === id);
    expect(passes).toEqual([id]);
  });

  it('counts failed logins across nodes: failures on A lock the account on B', async () => {
    for (let i = 0; i < 6; i++) expect((await login(a, 'inconnu@example.org', 'mauvais-mot-de-passe')).status).toBe(401);
    const onB = await login(b, 'inconnu@example.org', 'mauvais-mot-de-passe');
    expect(onB.status).toBe(429);
  });
});
