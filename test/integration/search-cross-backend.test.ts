/**
 * Two backends, one behaviour: the demo corpus loaded the same way into SQLite and PostgreSQL
 * gives the same top-10 articles, with the same scores, for a fixed set of queries, and the
 * same related lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { createServices, type Services } from '../../src/services/index.js';
import { createTestDatabase, testedDialects, type TestDatabase } from '../support/databases.js';
import { loadDemoText } from '../support/demo-text.js';

const NOW = Date.parse('2025-12-10T12:00:00+01:00');
const QUERIES = [
  'ukraine', 'plan de paix', 'Élections', 'elections', 'electricite', 'électricité tarif', 'l’armée', 'hôpitaux', 'hopital urgences', 'Marseille port',
  '"plan de paix"', '"quais" électrification', 'lyon -justice', 'climat', 'agriculteurs européens', 'chine', 'Kiev', 'Moscou', 'retraites allemagne', 'grève transports',
  'élec', 'march', 'Marsielle', 'electrificaton', 'négociatons climatiques', 'budget', 'comète', 'vaccin', 'abeilles pesticides', 'festival théâtre',
];

const both = testedDialects().includes('postgres') ? describe : describe.skip;

both(testedDialects().includes('postgres') ? 'search gives the same results on SQLite and PostgreSQL' : 'search gives the same results on SQLite and PostgreSQL [postgres: no server, skipped]', () => {
  const dbs: TestDatabase[] = [];
  const services: Services[] = [];

  beforeAll(async () => {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const db = await createTestDatabase(dialect);
      dbs.push(db);
      const s = createServices({ db: db.db, clock: fixedClock(NOW), site: { siteUrl: 'https://www.example.fr', siteName: 'Test', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: '/nonexistent' });
      services.push(s);
      await loadDemoText(s);
    }
  });
  afterAll(async () => {
    for (const db of dbs) await db.destroy();
  });

  it('returns the same top-10 ids and scores for every query', async () => {
    let nonEmpty = 0;
    for (const q of QUERIES) {
      const [lite, pg] = await Promise.all(services.map((s) => s.search.search({ q })));
      expect(pg?.results.map((r) => r.card.id), q).toEqual(lite?.results.map((r) => r.card.id));
      expect(pg?.total, q).toBe(lite?.total);
      lite?.results.forEach((r, i) => expect(pg?.results[i]?.score, q).toBeCloseTo(r.score, 6));
      if ((lite?.total ?? 0) > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(25);
  });

  it('computes the same related lists', async () => {
    const [lite, pg] = services;
    const ids = await lite!.ctx.repos.articles.publishedIdsForIndex();
    for (const id of ids) {
      const a = (await lite!.ctx.repos.related.computedFor(id)).map((e) => e.relatedId);
      const b = (await pg!.ctx.repos.related.computedFor(id)).map((e) => e.relatedId);
      expect(b, `article ${id}`).toEqual(a);
    }
  });

  it('stays the same after edits, unpublishing and deletion', async () => {
    for (const s of services) {
      const ids = await s.ctx.repos.articles.publishedIdsForIndex();
      await s.articles.updateArticle(ids[0]!, { title: 'Marseille : le port de commerce retrouve des couleurs' });
      await s.articles.updateArticle(ids[1]!, { status: 'draft' });
      await s.articles.deleteArticle(ids[2]!);
      await s.articles.updateArticle(ids[3]!, { dek: 'Un nouveau chapô sur le climat et les élections.' });
    }
    for (const q of QUERIES) {
      const [lite, pg] = await Promise.all(services.map((s) => s.search.search({ q })));
      expect(pg?.results.map((r) => r.card.id), q).toEqual(lite?.results.map((r) => r.card.id));
      lite?.results.forEach((r, i) => expect(pg?.results[i]?.score, q).toBeCloseTo(r.score, 6));
    }
  });

  it('gives the same results after a rebuild as after the incremental writes', async () => {
    const before = await Promise.all(QUERIES.map((q) => services[0]!.search.search({ q })));
    for (const s of services) await s.searchIndexer.reindexAll({ related: false });
    for (const [i, q] of QUERIES.entries()) {
      const [lite, pg] = await Promise.all(services.map((s) => s.search.search({ q })));
      expect(lite?.results.map((r) => r.card.id), q).toEqual(before[i]?.results.map((r) => r.card.id));
      expect(pg?.results.map((r) => r.card.id), q).toEqual(lite?.results.map((r) => r.card.id));
    }
  });
});
