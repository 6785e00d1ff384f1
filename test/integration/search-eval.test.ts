/** The evaluation harness of `npm run eval:search`, on a tiny labelled set. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LikeBaseline, type Ranker } from '../../bench/search/baselines.js';
import { evaluateRankers, relatedPrecision, reportTable, type EvalQuery } from '../../bench/search/eval-harness.js';
import { fixedClock } from '../../src/services/clock.js';
import { createServices, type Services } from '../../src/services/index.js';
import { bodyText } from '../../src/services/search/indexed-document.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite, sampleBody } from '../support/factories.js';

describe('search evaluation harness (tiny set)', () => {
  let db: TestDatabase;
  let services: Services;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    services = createServices({ db: db.db, clock: fixedClock(Date.parse('2026-01-01T00:00:00Z')), site: { siteUrl: 'x', siteName: 'T', siteLanguage: 'fr', timeZone: 'UTC' }, mediaDir: '/x' });
    const site = await buildSite(services);
    await buildArticle(services, site, { title: 'Le glacier recule en Savoie', slug: 'glacier', body: sampleBody('Les glaciologues mesurent la fonte.') });
    await buildArticle(services, site, { title: 'Élections municipales à Lyon', slug: 'elections', body: sampleBody('Les électeurs votent dimanche.') });
    await buildArticle(services, site, { title: 'La fonte des neiges inquiète les stations', slug: 'neige', body: sampleBody('Les glaciers aussi.') });
  });
  afterAll(async () => db?.destroy());

  it('scores systems per query kind and prints a table', async () => {
    const rows = await services.ctx.repos.articles.findByIds(await services.ctx.repos.articles.publishedIdsForIndex());
    const like = new LikeBaseline(rows.map((r) => ({ slug: r.slug, title: r.title, dek: r.dek, body: bodyText(r.body), publishedAt: r.published_at ?? 0 })));
    const ours: Ranker = async (q) => (await services.search.search({ q })).results.map((r) => r.card.url.split('/').pop() ?? '');
    const queries: EvalQuery[] = [
      { q: 'glacier', kind: 'mot', relevant: { glacier: 3, neige: 1 } },
      { q: 'elections', kind: 'sans accents', relevant: { elections: 3 } },
      { q: 'glaicer', kind: 'faute de frappe', relevant: { glacier: 3, neige: 1 } },
    ];
    const report = await evaluateRankers({ ours, like: like.search }, queries);
    like.close();
    expect(report.ours?.toutes?.queries).toBe(3);
    expect(report.ours?.['faute de frappe']?.ndcg10).toBeGreaterThan(0.9);
    expect(report.like?.['faute de frappe']?.ndcg10).toBe(0);
    expect(report.like?.['faute de frappe']?.empty).toBe(1);
    for (const system of Object.values(report)) {
      for (const kind of Object.values(system)) {
        expect(kind.ndcg10).toBeGreaterThanOrEqual(0);
        expect(kind.ndcg10).toBeLessThanOrEqual(1);
      }
    }
    expect(reportTable(report, ['mot', 'sans accents', 'faute de frappe'])).toMatch(/\| faute de frappe \| 1 \| 1\.000 \|/);
    const related = relatedPrecision(new Map([['glacier', ['neige', 'elections']]]), new Map([['glacier', new Set(['neige'])]]));
    expect(related).toEqual({ articles: 1, precision5: 0.2 });
  });
});
