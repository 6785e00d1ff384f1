/**
 * Load: 50 concurrent clients post 500 comments to one article over real HTTP (a listening
 * server on 127.0.0.1), rate limits raised. Every accepted comment must be stored exactly
 * once, none lost, replays refused, and the process must stay up. Figures are printed, not
 * asserted (speed is for benchmarks).
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite } from '../support/factories.js';

const CLIENTS = 50;
const PER_CLIENT = 10;
const ARTICLE = '/monde/article-tres-lu';

describeEachDatabase('comment load: 50 clients, 500 comments, one article', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let articleId: number;
  let origin = '';

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db);
    const site = await buildSite(app.services);
    articleId = await buildArticle(app.services, site, { slug: 'article-tres-lu' });
    await app.services.ctx.commentSettings.update({ minSecondsBeforePost: 0, perIpLimit: { max: 100_000, windowSeconds: 600 }, perArticleLimit: { max: 100_000, windowSeconds: 600 } });
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  it('stores every accepted comment exactly once and stays up', async () => {
    const accepted = new Map<number, string>();
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const started = performance.now();

    async function client(c: number): Promise<void> {
      const page = await fetch(origin + ARTICLE);
      expect(page.status).toBe(200);
      const token = /name="token" value="([^"]+)"/.exec(await page.text())?.[1];
      expect(token).toBeDefined();
      const post = (body: string) =>
        fetch(`${origin}${ARTICLE}/commentaires`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token: token!, name: `Client ${c}`, email: `client${c}@example.org`, url: '', body, parent_id: '', verification: '' }).toString(),
        });
      for (let n = 0; n < PER_CLIENT; n++) {
        const body = `Commentaire ${n} du client ${c}.`;
        const res = await post(body);
        count(res.status);
        await res.arrayBuffer();
        if (res.status === 303) {
          const id = Number(/commentaire=(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
          expect(accepted.has(id), `id ${id} given twice`).toBe(false);
          accepted.set(id, body);
        }
      }
      // A client that did not see its answer sends again: the replay is refused, not stored twice.
      const replay = await post(`Commentaire 0 du client ${c}.`);
      await replay.arrayBuffer();
      count(replay.status);
      expect(replay.status).toBe(409);
    }

    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const seconds = (performance.now() - started) / 1000;

    expect(statuses.get(303)).toBe(CLIENTS * PER_CLIENT);
    expect(statuses.get(409)).toBe(CLIENTS);
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    const rows = await db.db.selectFrom('comments').select(['id', 'body', 'status']).where('article_id', '=', articleId).execute();
    expect(rows).toHaveLength(accepted.size);
    const bodies = rows.map((r) => r.body);
    expect(new Set(bodies).size).toBe(bodies.length);
    for (const row of rows) expect(accepted.get(row.id)).toBe(row.body);
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
    // Still up and serving.
    expect((await fetch(origin + ARTICLE)).status).toBe(200);
    process.stdout.write(`\nComment load [${dialect}]: ${CLIENTS} clients posted ${CLIENTS * PER_CLIENT} comments (+${CLIENTS} replays) in ${seconds.toFixed(2)} s (${((CLIENTS * (PER_CLIENT + 1)) / seconds).toFixed(0)} posts/s); ${accepted.size} accepted, ${rows.length} stored, ${statuses.get(409) ?? 0} replays refused, 0 lost.\n`);
  }, 60_000);

  it('stores one comment when the same submission races in 20 times at once', async () => {
    const page = await fetch(origin + ARTICLE);
    const token = /name="token" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const form = new URLSearchParams({ token, name: 'Double Clic', email: 'double.clic@example.org', url: '', body: 'Envoyé vingt fois de suite.', parent_id: '', verification: '' }).toString();
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await fetch(`${origin}${ARTICLE}/commentaires`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const rows = await db.db.selectFrom('comments').select('id').where('author_email', '=', 'double.clic@example.org').execute();
    expect(rows).toHaveLength(1);
  });
});
