import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { createServices, type Services } from '../../src/services/index.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite, sampleBody, type SiteFixture } from '../support/factories.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describeEachDatabase('search', (dialect) => {
  let db: TestDatabase;
  let services: Services;
  let site: SiteFixture;
  const clock = fixedClock(NOW);
  const ids: Record<string, number> = {};

  /** Ids of the articles holding every word (partial matches, shown after them, left out). */
  const found = async (q: string, extra: Record<string, string> = {}) => (await services.search.search({ q, ...extra })).results.filter((r) => r.match !== 'partial').map((r) => r.card.id);

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    services = createServices({ db: db.db, clock, site: { siteUrl: 'https://www.example.fr', siteName: 'Test', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: '/nonexistent' });
    site = await buildSite(services);
    const article = (key: string, title: string, dek: string, body: string, extra: Parameters<typeof buildArticle>[2] = {}) =>
      buildArticle(services, site, { title, dek, body: sampleBody(body), ...extra }).then((id) => (ids[key] = id));
    await article('armee', 'L’armée ukrainienne reprend un village près de Kyiv', 'Les soldats ont repris la localité après trois jours de combats.', 'Selon l’état-major, la contre-offensive continue. Vladimir Poutine n’a pas réagi.', { tagNames: ['Ukraine', 'Défense'], publishedAt: NOW - 3 * DAY });
    await article('elections', 'Élections européennes : les électeurs se mobilisent', 'La participation devrait progresser dans les grandes villes.', 'Les bureaux de vote ouvriront dimanche matin.', { tagNames: ['Élections'], authorIds: [site.secondAuthorId], publishedAt: NOW - 10 * DAY });
    await article('greve', 'Grève des contrôleurs aériens à Marseille', 'Des vols annulés jeudi.', 'Les syndicats réclament des embauches.', { tagNames: ['Transports'], categoryId: site.childCategoryId, publishedAt: NOW - 2 * DAY });
    await article('electricite', 'Le prix de l’électricité va augmenter en février', 'Les fournisseurs préviennent leurs clients.', 'La hausse sera modérée selon la commission.', { tagNames: ['Énergie'], publishedAt: NOW - 20 * DAY });
    await article('treve', 'Proche-Orient : la trêve tient depuis une semaine', 'Le cessez-le-feu est respecté.', 'Les négociations reprennent au Caire.', { tagNames: ['Diplomatie'], publishedAt: NOW - 5 * DAY });
    await article('prisonniers', 'Kiev et Moscou échangent des prisonniers', 'Un échange inédit depuis des mois.', 'Les familles attendaient ce moment.', { tagNames: ['Ukraine'], publishedAt: NOW - 1 * DAY });
    await article('marseillebody', 'Un été chaud sur la côte', 'Les plages sont pleines.', 'À Marseille, les touristes affluent vers les calanques.', { tagNames: ['Tourisme'], publishedAt: NOW - 1 * DAY });
    await article('draft', 'Brouillon secret sur l’électricité', 'Caché.', 'Rien.', { status: 'draft', publishedAt: null });
    await article('review', 'Relecture secrète sur l’électricité', 'Caché.', 'Rien.', { status: 'review', publishedAt: null });
    await article('scheduled', 'Programmé : électricité demain', 'Caché.', 'Rien.', { status: 'scheduled', publishedAt: NOW + DAY });
    await article('future', 'Annonce future sur l’électricité', 'Bientôt.', 'Rien.', { status: 'published', publishedAt: NOW + HOUR });
  });
  afterAll(async () => db?.destroy());
  beforeEach(() => clock.set(NOW));

  it('finds words with or without accents, in any case', async () => {
    expect(await found('électricité')).toEqual([ids.electricite]);
    expect(await found('electricite')).toEqual([ids.electricite]);
    expect(await found('ÉLECTRICITÉ ')).toEqual([ids.electricite]);
    expect(await found('greve marseille')).toEqual([ids.greve]);
  });

  it('understands elisions and plurals', async () => {
    for (const q of ['armee', 'l’armée', "l'armee", 'armées', 'd’armée ']) expect(await found(q), q).toEqual([ids.armee]);
    expect(await found('élection ')).toEqual([ids.elections]);
    expect(await found('prisonnier ')).toEqual([ids.prisonniers]);
    expect(await found('électeur ')).toEqual([ids.elections]);
  });

  it('keeps names as written: Kyiv and Kiev are different words', async () => {
    expect(await found('Kyiv ')).toEqual([ids.armee]);
    expect(await found('Kiev ')).toEqual([ids.prisonniers]);
    expect(await found('Poutine ')).toEqual([ids.armee]);
  });

  it('matches phrases in quotes, in order only', async () => {
    expect(await found('"cessez-le-feu"')).toEqual([ids.treve]);
    expect(await found('"cessez le feu"')).toEqual([ids.treve]);
    expect(await found('"feu cessez"')).toEqual([]);
    expect(await found('"contrôleurs aériens"')).toEqual([ids.greve]);
  });

  it('completes the last word as it is typed', async () => {
    expect(await found('électri')).toEqual([ids.electricite]);
    expect(new Set(await found('élec'))).toEqual(new Set([ids.elections, ids.electricite]));
    expect(await found('prix élec')).toEqual([ids.electricite]);
    // A word followed by a space is complete: no completion.
    expect(await found('élec ')).toEqual([]);
  });

  it('tolerates typos in long words, after exact matches', async () => {
    expect(await found('Marsielle ')).toEqual([ids.greve, ids.marseillebody]);
    expect(await found('prisoniers ')).toEqual([ids.prisonniers]);
    expect(await found('électriciteé ')).toEqual([ids.electricite]);
    const result = await services.search.search({ q: 'contrôleur Marsielle ' });
    expect(result.results.map((r) => [r.card.id, r.match])).toEqual([[ids.greve, 'typo'], [ids.marseillebody, 'partial']]);
    // Short words are not corrected.
    expect(await found('gève ')).toEqual([]);
    expect(await found('grèce ')).toEqual([ids.greve]);
  });

  it('ranks title matches above body matches', async () => {
    expect(await found('Marseille ')).toEqual([ids.greve, ids.marseillebody]);
  });

  it('leaves out excluded words and phrases', async () => {
    expect(new Set(await found('ukraine'))).toEqual(new Set([ids.armee, ids.prisonniers]));
    expect(await found('ukraine -Poutine')).toEqual([ids.prisonniers]);
    expect(await found('ukraine -"vladimir poutine"')).toEqual([ids.prisonniers]);
    expect(await found('-ukraine')).toEqual([]);
  });

  it('filters by category (with sub-categories), tag, author and dates', async () => {
    expect(await found('marseille', { rubrique: 'monde' })).toEqual([ids.greve, ids.marseillebody]);
    expect(await found('marseille', { rubrique: 'afrique' })).toEqual([ids.greve]);
    expect(await found('ukraine', { tag: 'defense' })).toEqual([ids.armee]);
    expect(await found('europeennes', { auteur: 'paul-roche' })).toEqual([ids.elections]);
    expect(await found('europeennes', { auteur: 'lea-martin' })).toEqual([]);
    expect(new Set(await found('ukraine', { du: '2026-03-06' }))).toEqual(new Set([ids.armee, ids.prisonniers]));
    expect(await found('ukraine', { du: '2026-03-08', au: '2026-03-09' })).toEqual([ids.prisonniers]);
    const unknown = await services.search.search({ q: 'ukraine', rubrique: 'nulle-part', du: '2026-13-45' });
    expect(unknown.notice).toMatch(/Rubrique inconnue.*Date invalide/);
    expect(unknown.total).toBe(2);
  });

  it('only ever finds published articles whose time has come', async () => {
    expect(await found('électricité')).toEqual([ids.electricite]);
    clock.set(NOW + 2 * HOUR);
    expect(new Set(await found('électricité'))).toEqual(new Set([ids.electricite, ids.future]));
  });

  it('follows edits, unpublishing and deletion at once', async () => {
    const id = await buildArticle(services, site, { title: 'Les vendanges commencent en Bourgogne', body: sampleBody('Les vignerons sont inquiets.'), tagNames: ['Vin'] });
    expect(await found('vendanges')).toEqual([id]);
    await services.articles.updateArticle(id, { title: 'Les moissons commencent en Beauce' });
    expect(await found('vendanges')).toEqual([]);
    expect(await found('moissons')).toEqual([id]);
    await services.articles.updateArticle(id, { status: 'draft' });
    expect(await found('moissons')).toEqual([]);
    await services.articles.updateArticle(id, { status: 'published' });
    expect(await found('moissons')).toEqual([id]);
    expect(await services.ctx.repos.searchTerms.byForms(['vendanges'])).toEqual([]);
    expect((await services.ctx.repos.searchTerms.byForms(['moissons'])).map((e) => e.docCount)).toEqual([1]);
    await services.articles.deleteArticle(id);
    expect(await found('moissons')).toEqual([]);
    // The vocabulary forgets the words no indexed article has any more.
    expect(await services.ctx.repos.searchTerms.byForms(['moissons', 'bourgogne'])).toEqual([]);
    expect(await services.ctx.repos.searchIndex.documentCount()).toBe(8);
  });

  it('keeps the index unchanged when a write fails (same transaction)', async () => {
    await expect(buildArticle(services, site, { title: 'Titre orphelin introuvable', authorIds: [987_654] })).rejects.toThrow();
    expect(await found('orphelin')).toEqual([]);
  });

  it('highlights matches in the title and the extract', async () => {
    const [result] = (await services.search.search({ q: 'electricite' })).results;
    expect(result?.title.filter((s) => s.highlight).map((s) => s.text)).toEqual(['électricité']);
    const outcome = await services.search.search({ q: 'calanques' });
    expect(outcome.results[0]?.snippet.filter((s) => s.highlight).map((s) => s.text)).toEqual(['calanques']);
  });

  it('paginates', async () => {
    for (let i = 0; i < 12; i++) await buildArticle(services, site, { title: `Dépêche numéro ${i} sur la pagination`, tagNames: ['Pagination'] });
    const first = await services.search.search({ q: 'pagination' });
    expect(first.total).toBe(12);
    expect(first.pageCount).toBe(2);
    expect(first.results).toHaveLength(10);
    const second = await services.search.search({ q: 'pagination', page: '2' });
    expect(second.results).toHaveLength(2);
    expect(new Set([...first.results, ...second.results].map((r) => r.card.id)).size).toBe(12);
  });

  it('answers bad input with a sane result or a French notice, never an error', async () => {
    const inputs = ['', '   ', 'a'.repeat(10_000), '"non fermé', 'élec"tri', '* " ( ) : ^ NEAR AND OR', 'NEAR(ukraine armée)', "'; DROP TABLE articles; --", 'ukraine OR 1=1', '{title}: x', '---', '""', 'le la les', '\u0000\u0001', '🙂 ukraine'];
    for (const q of inputs) {
      const outcome = await services.search.search({ q });
      expect(outcome.total, q).toBeGreaterThanOrEqual(0);
    }
    expect((await services.search.search({ q: '' })).notice).toMatch(/Saisissez/);
    expect((await services.search.search({ q: 'le la les' })).notice).toMatch(/trop courants/);
    expect(await found('🙂 ukraine')).toHaveLength(2);
    expect((await services.search.search({ q: 'ukraine', page: 'abc' })).notice).toMatch(/page/);
  });

  it('shows articles with only some of the words after those with all of them', async () => {
    const outcome = await services.search.search({ q: 'ukraine prisonniers ' });
    expect(outcome.results.map((r) => [r.card.id, r.match])).toEqual([[ids.prisonniers, 'exact'], [ids.armee, 'partial']]);
  });

  it('suggests the closest tags when nothing is found', async () => {
    const outcome = await services.search.search({ q: 'tour ' });
    expect(outcome.total).toBe(0);
    expect(outcome.suggestions[0]?.name).toBe('Tourisme');
    expect((await services.search.search({ q: 'xylophone ' })).suggestions.length).toBeGreaterThan(0);
  });
});
