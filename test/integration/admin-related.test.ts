/**
 * Editors pin and exclude "Vous aimerez aussi" articles through the Admin API, and the public
 * article page follows at once; on both databases.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { AdminClient, buildStaff, loginAs, type Staff } from '../support/admin-client.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { sampleBody } from '../support/factories.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const A = '/api/admin';

describeEachDatabase('Admin API: related articles curation', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let staff: Staff;
  let editor: AdminClient;
  let author: AdminClient;
  const ids: number[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock: fixedClock(NOW) });
    staff = await buildStaff(app.services);
    const categoryId = await app.services.taxonomy.createCategory({ name: 'Sciences', slug: 'sciences' });
    const titles = ['Une comète visible aux jumelles', 'La comète passe au plus près du Soleil', 'Les astronomes amateurs suivent la comète', 'Un glacier alpin recule encore', 'La récolte de miel en baisse'];
    for (const [i, title] of titles.entries()) {
      ids.push(
        await app.services.articles.createArticle({ title, body: sampleBody(`${title}. Observation et mesures.`), categoryId, authorIds: [staff.author], tagNames: i < 3 ? ['Espace'] : ['Climat'], status: 'published', publishedAt: NOW - (i + 1) * 3_600_000 }),
      );
    }
    [editor, author] = await Promise.all([loginAs(app.server, 'editor'), loginAs(app.server, 'author')]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  const relatedTitles = async (path: string): Promise<string[]> => {
    const html = (await app.server.inject({ method: 'GET', url: path })).body;
    const aside = html.slice(html.indexOf('id="vous-aimerez-aussi"'), html.indexOf('</aside>'));
    return [...aside.matchAll(/<h3 class="card-title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!.replace(/\s/g, ' '));
  };

  it('pins an unrelated article first and excludes another, then forgets both', async () => {
    const [comet, cometSun, , glacier, honey] = ids as [number, number, number, number, number];
    const page = '/sciences/une-comete-visible-aux-jumelles';
    expect(await relatedTitles(page)).toContain('La comète passe au plus près du Soleil');

    expect((await editor.request({ method: 'PUT', url: `${A}/articles/${comet}/related/${honey}`, payload: { kind: 'pin', position: 0 } })).statusCode).toBe(204);
    expect((await editor.request({ method: 'PUT', url: `${A}/articles/${comet}/related/${cometSun}`, payload: { kind: 'exclude' } })).statusCode).toBe(204);
    const list = await editor.request({ method: 'GET', url: `${A}/articles/${comet}/related` });
    expect(list.json().items).toEqual(expect.arrayContaining([{ relatedId: honey, kind: 'pin', position: 0 }, { relatedId: cometSun, kind: 'exclude', position: 0 }]));

    const titles = await relatedTitles(page);
    expect(titles[0]).toBe('La récolte de miel en baisse');
    expect(titles).not.toContain('La comète passe au plus près du Soleil');

    expect((await editor.request({ method: 'DELETE', url: `${A}/articles/${comet}/related/${honey}` })).statusCode).toBe(204);
    expect((await editor.request({ method: 'DELETE', url: `${A}/articles/${comet}/related/${cometSun}` })).statusCode).toBe(204);
    expect(await relatedTitles(page)).toContain('La comète passe au plus près du Soleil');
    expect(glacier).toBeGreaterThan(0);
  });

  it('refuses authors, self-relations and unknown articles with clear answers', async () => {
    const [comet, cometSun] = ids as [number, number];
    const denied = await author.request({ method: 'PUT', url: `${A}/articles/${comet}/related/${cometSun}`, payload: { kind: 'pin' } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.message).toContain('éditeurs');
    expect((await editor.request({ method: 'PUT', url: `${A}/articles/${comet}/related/${comet}`, payload: { kind: 'pin' } })).statusCode).toBe(422);
    expect((await editor.request({ method: 'PUT', url: `${A}/articles/${comet}/related/987654`, payload: { kind: 'exclude' } })).statusCode).toBe(422);
    expect((await editor.request({ method: 'PUT', url: `${A}/articles/987654/related/${comet}`, payload: { kind: 'exclude' } })).statusCode).toBe(404);
    expect((await editor.request({ method: 'PUT', url: `${A}/articles/${comet}/related/${cometSun}`, payload: { kind: 'favourite' } })).statusCode).toBe(422);
  });
});
