import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { createServices, type Services } from '../../src/services/index.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite, sampleBody, type SiteFixture } from '../support/factories.js';

const NOW = Date.parse('2026-02-01T12:00:00Z');
const DAY = 86_400_000;

describeEachDatabase('related articles ("Vous aimerez aussi")', (dialect) => {
  let db: TestDatabase;
  let services: Services;
  let site: SiteFixture;
  const clock = fixedClock(NOW);
  const id: Record<string, number> = {};
  const text = {
    vin1: 'Les vendanges en Bourgogne s’achèvent : les vignerons parlent d’un millésime rare, avec des raisins sains et un degré élevé.',
    vin2: 'En Bourgogne, les vignerons vendangent sous le soleil ; le millésime s’annonce excellent malgré la grêle du printemps.',
    vin3: 'Exportations de vin : les vignerons bourguignons misent sur l’Asie après un millésime abondant.',
    spatial: 'La fusée a décollé de Kourou avec deux satellites de télécommunications placés en orbite géostationnaire.',
    spatial2: 'Un satellite d’observation lancé par une fusée européenne rejoint son orbite après un décollage réussi.',
    foot: 'Le club lyonnais a remporté le derby au terme d’un match disputé devant quarante mille supporteurs.',
  };

  const pageRelated = async (key: string) => {
    const row = await services.ctx.repos.articles.findById(id[key]!);
    const view = await services.publicSite.articlePage('monde', row!.slug);
    return view?.related.map((r) => r.id) ?? [];
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    services = createServices({ db: db.db, clock, site: { siteUrl: 'https://www.example.fr', siteName: 'Test', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: '/nonexistent' });
    site = await buildSite(services);
    const add = async (key: keyof typeof text, title: string, tags: string[], daysAgo: number) => {
      id[key] = await buildArticle(services, site, { title, dek: text[key].slice(0, 60), body: sampleBody(text[key]), tagNames: tags, publishedAt: NOW - daysAgo * DAY });
    };
    // Other subjects, so that wine and space are minorities of the corpus as on a real site.
    const fillers = ['Le conseil municipal vote le budget des écoles', 'La pluie perturbe la circulation sur le périphérique', 'Un nouveau musée ouvre ses portes à Nantes', 'Les urgences de l’hôpital saturées cet hiver', 'La bourse recule après les annonces de la banque centrale', 'Le festival de jazz attire un public nombreux'];
    for (const [i, title] of fillers.entries()) await buildArticle(services, site, { title, body: sampleBody(`${title}. Les habitants commentent la nouvelle.`), tagNames: ['Divers'], publishedAt: NOW - (10 + i) * DAY });
    await add('vin1', 'Vendanges en Bourgogne : un millésime rare', ['Vin'], 5);
    await add('spatial', 'Kourou : la fusée place deux satellites en orbite', ['Espace'], 4);
    await add('foot', 'Derby : le club lyonnais l’emporte', ['Football'], 3);
    await add('vin2', 'Bourgogne : les vignerons vendangent sous le soleil', ['Vin'], 2);
    await add('spatial2', 'Un satellite européen rejoint son orbite', ['Espace'], 1);
    await add('vin3', 'Vin de Bourgogne : les vignerons misent sur l’export', ['Vin', 'Export'], 1);
  });
  afterAll(async () => db?.destroy());
  beforeEach(() => clock.set(NOW));

  it('ranks the most similar articles first, never the article itself', async () => {
    const computed = (await services.ctx.repos.related.computedFor(id.vin3!)).map((e) => e.relatedId);
    expect(computed.slice(0, 2).sort()).toEqual([id.vin1, id.vin2].sort());
    expect(computed).not.toContain(id.vin3);
    const spatial = (await services.ctx.repos.related.computedFor(id.spatial2!)).map((e) => e.relatedId);
    expect(spatial[0]).toBe(id.spatial);
  });

  it('refreshes the neighbours: an older article lists the newer one published after it', async () => {
    const first = (await services.ctx.repos.related.computedFor(id.vin1!)).map((e) => e.relatedId);
    expect(first.slice(0, 2).sort()).toEqual([id.vin2, id.vin3].sort());
  });

  it('shows stored lists on the article page (4 at most, never unpublished)', async () => {
    const related = await pageRelated('vin1');
    expect(related.length).toBeLessThanOrEqual(4);
    expect(related.slice(0, 2).sort()).toEqual([id.vin2, id.vin3].sort());
    await services.articles.updateArticle(id.vin2!, { status: 'draft' });
    expect(await pageRelated('vin1')).not.toContain(id.vin2);
    expect(await services.ctx.repos.related.listsContaining(id.vin2!)).toEqual([]);
    await services.articles.updateArticle(id.vin2!, { status: 'published' });
    expect(await pageRelated('vin1')).toContain(id.vin2);
  });

  it('never shows an article before its publication time', async () => {
    const future = await buildArticle(services, site, { title: 'Bourgogne : les vignerons fêtent le millésime', body: sampleBody(text.vin1), tagNames: ['Vin'], publishedAt: NOW + DAY });
    expect(await pageRelated('vin1')).not.toContain(future);
    clock.set(NOW + 2 * DAY);
    expect(await pageRelated('vin1')).toContain(future);
    await services.articles.deleteArticle(future);
  });

  it('puts pinned articles first and never shows excluded ones', async () => {
    await services.related.pin(id.vin1!, id.foot!, 0);
    await services.related.exclude(id.vin1!, id.vin3!);
    const related = await pageRelated('vin1');
    expect(related[0]).toBe(id.foot);
    expect(related).not.toContain(id.vin3);
    expect(await services.related.overrides(id.vin1!)).toEqual([
      { relatedId: id.vin3, kind: 'exclude', position: 0 },
      { relatedId: id.foot, kind: 'pin', position: 0 },
    ]);
    await services.related.clearOverride(id.vin1!, id.foot!);
    await services.related.clearOverride(id.vin1!, id.vin3!);
    expect((await pageRelated('vin1')).slice(0, 2).sort()).toEqual([id.vin2, id.vin3].sort());
  });

  it('refuses to relate an article to itself or to a missing article', async () => {
    await expect(services.related.pin(id.vin1!, id.vin1!)).rejects.toMatchObject({ code: 'DEPECHE_VALIDATION' });
    await expect(services.related.pin(id.vin1!, 987_654)).rejects.toMatchObject({ code: 'DEPECHE_UNKNOWN_REFERENCE' });
    await expect(services.related.exclude(987_654, id.vin1!)).rejects.toMatchObject({ code: 'DEPECHE_NOT_FOUND' });
    await expect(services.related.pin(id.vin1!, id.vin2!, -1)).rejects.toMatchObject({ code: 'DEPECHE_VALIDATION' });
  });

  it('falls back to shared tags and the category when nothing is stored', async () => {
    await services.ctx.repos.related.clear();
    const related = await pageRelated('vin1');
    expect(related).toHaveLength(4);
    expect(related.slice(0, 2).sort()).toEqual([id.vin2, id.vin3].sort());
    expect(related).not.toContain(id.vin1);
  });
});
