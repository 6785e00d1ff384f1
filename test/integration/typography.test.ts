/**
 * French typography where readers meet it: bodies set once when written, titles, deks and
 * captions set when pages render; off for sites that do not want it; English articles of a
 * French site left alone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TypographyMode } from '../../src/domain/text/french-typography.js';
import { fixedClock } from '../../src/services/clock.js';
import { createServices, type Services } from '../../src/services/index.js';
import { buildServer } from '../../src/web/server.js';
import { testConfig } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite } from '../support/factories.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const TITLE = 'Il a dit "non" : 12345 euros pour le XXIe siècle';
const BODY = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: "L'enquête : 15000 pages... " }, { type: 'text', text: 'x = "y"', marks: [{ type: 'code' }] }] }] };

describeEachDatabase('typography on the site', (dialect) => {
  const sites: Array<{ db: TestDatabase; services: Services; mode: TypographyMode; render: (url: string) => Promise<string>; close: () => Promise<void> }> = [];

  beforeAll(async () => {
    for (const mode of ['fr', 'off'] as const) {
      const db = await createTestDatabase(dialect);
      const config = testConfig(mkdtempSync(join(tmpdir(), 'depeche-typo-')), { SITE_TYPOGRAPHY: mode });
      const services = createServices({ db: db.db, clock: fixedClock(NOW), site: { siteUrl: config.siteUrl, siteName: config.siteName, siteLanguage: 'fr', timeZone: config.timeZone, typography: config.typography }, mediaDir: config.mediaDir });
      const server = await buildServer({ config, services, logger: false });
      const site = await buildSite(services);
      await buildArticle(services, site, { title: TITLE, slug: 'typo', dek: 'Un chapô... "cité"', body: BODY });
      await buildArticle(services, site, { title: 'He said "no": 12345 dollars', slug: 'english', language: 'en', body: BODY });
      sites.push({ db, services, mode, render: async (url) => (await server.inject({ url })).body, close: () => server.close() });
    }
  });
  afterAll(async () => {
    for (const s of sites) {
      await s.close();
      await s.db.destroy();
    }
  });

  it('French: the stored body is set (not the code), the headline and dek when rendered', async () => {
    const fr = sites.find((s) => s.mode === 'fr')!;
    const row = await fr.services.ctx.repos.articles.findBySlug('typo');
    expect(row!.body_html).toBe('<p>L’enquête\u202f: 15\u202f000 pages… <code>x = &quot;y&quot;</code></p>');
    // The stored title stays as written; pages set it.
    expect(row!.title).toBe(TITLE);
    const html = await fr.render('/monde/typo');
    expect(html).toContain('<h1 id="titre">Il a dit «\u00a0non\u00a0»\u202f: 12\u202f345\u00a0euros pour le XXI<sup>e</sup> siècle</h1>');
    expect(html).toContain('<p class="dek">Un chapô… «\u00a0cité\u00a0»</p>');
    expect(html).toContain('<title>Il a dit «\u00a0non\u00a0»\u202f: 12\u202f345\u00a0euros pour le XXIe siècle – Dépêche</title>');
    // An English article keeps its own typography in its body.
    const english = await fr.services.ctx.repos.articles.findBySlug('english');
    expect(english!.body_html).toBe('<p>L&#39;enquête : 15000 pages... <code>x = &quot;y&quot;</code></p>');
  });

  it('off: everything stays as written', async () => {
    const off = sites.find((s) => s.mode === 'off')!;
    const row = await off.services.ctx.repos.articles.findBySlug('typo');
    expect(row!.body_html).toBe('<p>L&#39;enquête : 15000 pages... <code>x = &quot;y&quot;</code></p>');
    const html = await off.render('/monde/typo');
    expect(html).toContain('<h1 id="titre">Il a dit &quot;non&quot; : 12345 euros pour le XXIe siècle</h1>');
    expect(html).not.toContain('\u202f');
    expect(html).not.toContain('«');
  });
});
