import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp, type TestApp } from '../support/app.js';
import type { DemoCopy } from '../support/app.js';

describe('search over HTTP (demo site)', () => {
  let app: TestApp & { demo: DemoCopy };
  beforeAll(async () => {
    app = await startDemoApp();
  });
  afterAll(async () => app?.close());

  const get = (url: string) => app.server.inject({ method: 'GET', url });

  it('puts an accessible search box in every page header', async () => {
    const home = await get('/');
    expect(home.body).toMatch(/<form class="site-search" role="search" aria-label="Rechercher sur le site" method="get" action="\/recherche">/);
    expect(home.body).toContain('<label for="site-search-q" class="visually-hidden">Rechercher sur le site</label>');
  });

  it('finds an accented article from a query without accents, with highlights', async () => {
    const page = await get('/recherche?q=electricite+tarif');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<meta name="robots" content="noindex"');
    expect(page.body).toMatch(/résultats? pour « electricite tarif »/);
    expect(page.body).toContain('<mark>Électricité</mark>');
    expect(page.body).toContain('href="/economie/electricite-tarif-reglemente-hausse-moderee-fevrier"');
  });

  it('answers the JSON API with presented results only', async () => {
    const response = await get('/api/search?q=Marseille');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const json = response.json() as { total: number; results: Record<string, unknown>[] };
    expect(json.total).toBeGreaterThan(2);
    const first = json.results[0] ?? {};
    expect(Object.keys(first).sort()).toEqual(['authors', 'category', 'dek', 'highlightedTitle', 'id', 'match', 'publishedAt', 'score', 'snippet', 'tags', 'title', 'url'].sort());
    expect(JSON.stringify(json)).not.toMatch(/@|password|body_html|status/);
  });

  it('never shows drafts or scheduled articles', async () => {
    const json = (await get('/api/search?q=salle+de+concert+L%E2%80%99Onde')).json() as { results: { url: string }[] };
    expect(json.results.map((r) => r.url).join(' ')).not.toContain('londe-ouvre-ses-portes');
    const draft = (await get('/api/search?q=pollution+familles+lyonnaises')).json() as { results: { url: string }[] };
    expect(draft.results.map((r) => r.url).join(' ')).not.toContain('pollution-de-l-air');
  });

  it('says "aucun résultat" in French with suggestions', async () => {
    const page = await get('/recherche?q=xylophone+zanzibar');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Aucun résultat pour « xylophone zanzibar »');
    expect(page.body).toContain('Vous cherchiez peut-être');
    expect(page.body).toMatch(/href="\/tag\/[a-z-]+" rel="tag"/);
  });

  it('paginates with French links', async () => {
    const page = await get('/recherche?q=de');
    expect(page.statusCode).toBe(200);
    const many = await get('/recherche?q=paris');
    expect(many.statusCode).toBe(200);
  });

  it('never answers bad input with a 500', async () => {
    const nasty = ['', '%22', '%22unbalanced', encodeURIComponent('* " ( ) : ^ NEAR AND OR'), encodeURIComponent("'; DROP TABLE articles; --"), 'a'.repeat(10_000), encodeURIComponent('-"x" -y'), '%E2%80%99%C3%A9'];
    for (const q of nasty) {
      for (const path of ['/recherche', '/api/search']) {
        const response = await get(`${path}?q=${q}&page=${encodeURIComponent('2x')}&rubrique=%00&du=hier`);
        expect(response.statusCode, `${path} ${q.slice(0, 40)}`).toBe(200);
      }
    }
    const arrays = await get('/api/search?q=a&q=b&page=1&page=2');
    expect(arrays.statusCode).toBe(200);
    const empty = await get('/recherche');
    expect(empty.body).toContain('Saisissez un ou plusieurs mots');
  });
});
