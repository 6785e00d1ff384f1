/** The SearchIndex port: one conformance suite, run against both engines. */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../src/storage/repositories/index.js';
import type { IndexedDocument } from '../../src/storage/search/search-index.js';
import { fixedClock } from '../../src/services/clock.js';
import { createServices } from '../../src/services/index.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite } from '../support/factories.js';

const NOW = Date.parse('2026-01-15T10:00:00Z');

describeEachDatabase('search index conformance', (dialect) => {
  let db: TestDatabase;
  let repos: Repositories;
  const ids: number[] = [];
  const doc = (i: number, fields: Partial<IndexedDocument['fields']>, publishedAt = NOW - 1000 * (i + 1)): IndexedDocument => ({
    articleId: ids[i]!,
    publishedAt,
    fields: { title: [], dek: [], body: [], tags: [], ...fields },
  });
  const search = async (groups: string[][][], extra: Partial<Parameters<Repositories['searchIndex']['search']>[0]> = {}) =>
    (await repos.searchIndex.search({ match: { groups }, now: NOW, limit: 10, offset: 0, ...extra })).hits.map((h) => ids.indexOf(h.articleId));

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const services = createServices({ db: db.db, clock: fixedClock(NOW), site: { siteUrl: 'x', siteName: 'T', siteLanguage: 'fr', timeZone: 'UTC' }, mediaDir: '/x' });
    // Articles exist for the foreign keys; the listener is removed so the test drives the index alone.
    services.ctx.articleWriteListeners.length = 0;
    const site = await buildSite(services);
    for (let i = 0; i < 5; i++) ids.push(await buildArticle(services, site, { tagNames: i < 2 ? ['Alpha'] : ['Beta'] }));
    repos = createRepositories(db.db);
  });
  afterAll(async () => db?.destroy());
  beforeEach(async () => {
    await repos.searchIndex.clear();
    await repos.searchIndex.replace(doc(0, { title: ['chat', 'noir'], body: ['souris', 'grise'] }), NOW);
    await repos.searchIndex.replace(doc(1, { body: ['chat', 'noir', 'chat'], tags: ['chat'] }), NOW);
    await repos.searchIndex.replace(doc(2, { dek: ['noir', 'chat'] }), NOW);
    await repos.searchIndex.replace(doc(3, { title: ['chien'] }, NOW + 60_000), NOW);
  });

  it('matches terms, OR within a group, AND across groups', async () => {
    expect(new Set(await search([[['chat']]]))).toEqual(new Set([0, 1, 2]));
    expect(new Set(await search([[['chien'], ['souris']]]))).toEqual(new Set([0]));
    expect(await search([[['chat']], [['souris']]])).toEqual([0]);
    expect(await search([[['absent']]])).toEqual([]);
  });

  it('ranks by weighted BM25: title before dek before body', async () => {
    expect(await search([[['chat']]])).toEqual([0, 2, 1]);
  });

  it('matches phrases in order, within one field', async () => {
    expect(new Set(await search([[['chat', 'noir']]]))).toEqual(new Set([0, 1]));
    expect(new Set(await search([[['noir', 'chat']]]))).toEqual(new Set([1, 2]));
    // "noir" ends the title of 0 and "souris" starts its body: not a phrase across fields.
    expect(await search([[['noir', 'souris']]])).toEqual([]);
  });

  it('leaves out what must not match, and future articles until their time', async () => {
    expect(new Set(await search([[['chat']]], { notMatching: [{ groups: [[['souris']]] }] }))).toEqual(new Set([1, 2]));
    expect(await search([[['chien']]])).toEqual([]);
    expect(await search([[['chien']]], { now: NOW + 120_000 })).toEqual([3]);
  });

  it('filters by tag, dates and excluded ids', async () => {
    const [alpha] = await repos.taxonomy.findTagsBySlugs(['alpha']);
    expect(new Set(await search([[['chat']]], { filters: { tagId: alpha!.id } }))).toEqual(new Set([0, 1]));
    expect(await search([[['chat']]], { filters: { from: NOW - 1500 } })).toEqual([0]);
    expect(new Set(await search([[['chat']]], { filters: { excludeIds: [ids[0]!] } }))).toEqual(new Set([1, 2]));
  });

  it('ranks only the newest matches past the ranking limit, counting them all', async () => {
    const result = await repos.searchIndex.search({ match: { groups: [[['chat']]] }, now: NOW, limit: 10, offset: 0, maxRanked: 2 });
    expect(result.total).toBe(3);
    expect(result.hits.map((h) => ids.indexOf(h.articleId))).toEqual([2, 1]);
  });

  it('counts and pages', async () => {
    const page = await repos.searchIndex.search({ match: { groups: [[['chat']]] }, now: NOW, limit: 1, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.hits.map((h) => ids.indexOf(h.articleId))).toEqual([2]);
  });

  it('replaces and removes documents, and counts documents and frequencies', async () => {
    await repos.searchIndex.replace(doc(0, { title: ['lapin'] }), NOW);
    await repos.searchIndex.remove(ids[1]!);
    await repos.searchIndex.remove(987_654);
    expect(await search([[['chat']]])).toEqual([2]);
    expect(await search([[['lapin']]])).toEqual([0]);
    expect(await repos.searchIndex.documentCount()).toBe(3);
    expect(await repos.searchIndex.documentFrequencies(['chat', 'lapin', 'absent'])).toEqual(new Map([['chat', 1], ['lapin', 1], ['absent', 0]]));
  });

  it('keeps at most 256 occurrences of a term, on both engines alike', async () => {
    await repos.searchIndex.replace(doc(4, { body: Array.from({ length: 300 }, () => 'echo') }), NOW);
    const hit = (await repos.searchIndex.search({ match: { groups: [[['echo']]] }, now: NOW, limit: 1, offset: 0 })).hits[0];
    expect(hit?.articleId).toBe(ids[4]);
  });
});
