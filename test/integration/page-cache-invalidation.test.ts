/**
 * Exact invalidation of the page cache, on both databases. The cache is filled with every kind
 * of public page (home, categories and their second page, tags, authors, articles, feeds,
 * search, sitemaps), then one write is made; the entries it dropped must be exactly:
 * - the pages whose content changed (compared with a server over the same database that has
 *   no page cache), which also proves nothing stale survived;
 * - plus what each write drops by design although a page may look the same: search pages and
 *   sitemaps for an article write (results and dates follow every article), search pages for a
 *   rename (filters and suggestions), article pages whose stored related list changed, and
 *   everything for a settings change.
 * After each write, every page the cached server answers equals the uncached server's.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/policies.js';
import { fixedClock } from '../../src/services/clock.js';
import { cacheKey } from '../../src/web/cache/negotiation.js';
import type { PageCache } from '../../src/web/cache/page-cache.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;
const TAG_NAMES = ['Diplomatie', 'Économie', 'Football', 'Cinéma', 'Climat'] as const;
const WORDS = ['sommet', 'budget', 'stade', 'festival', 'glacier', 'traité', 'impôt', 'coupe', 'écran', 'sécheresse', 'frontière', 'inflation', 'arbitre', 'scénario', 'canicule'];

/** Form tokens carry their render time and a nonce: the only part of a page that differs per render. */
function normalise(body: string): string {
  return body.replace(/name="token" value="[^"]*"/g, 'name="token" value=""');
}

describeEachDatabase('page cache invalidation', (dialect) => {
  let db: TestDatabase;
  let cached: TestApp;
  let uncached: TestApp;
  const clock = fixedClock(NOW);
  const editor: Actor = { id: 0, role: 'editor' };
  const admin: Actor = { id: 0, role: 'administrator' };
  const ids = { monde: 0, afrique: 0, sport: 0, culture: 0, lea: 0, paul: 0, ines: 0, draft: 0, scheduled: 0, pendingComment: 0 };
  const tagIds = new Map<string, number>();
  const articles: { id: number; url: string }[] = [];
  let urls: string[] = [];
  const searchUrls = ['/recherche?q=sommet', '/recherche?q=stade+coupe', '/api/search?q=glacier'];
  const sitemapUrls = ['/sitemap.xml', '/sitemap-sections.xml', '/sitemap-articles-1.xml', '/news-sitemap.xml'];

  const cache = (): PageCache => {
    const pageCache = cached.server.pageCache;
    if (pageCache === null) throw new Error('the page cache is off');
    return pageCache;
  };
  const get = async (app: TestApp, url: string) => {
    const res = await app.server.inject({ method: 'GET', url });
    return { status: res.statusCode, body: normalise(res.body) };
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    cached = await buildTestApp(db, { clock });
    uncached = await buildTestApp(db, { clock, env: { PAGE_CACHE_MB: '0' } });
    const s = cached.services;
    ids.monde = await s.taxonomy.createCategory({ name: 'Monde', slug: 'monde', position: 0 });
    ids.afrique = await s.taxonomy.createCategory({ name: 'Afrique', slug: 'afrique', parentSlug: 'monde', position: 1, inMenu: false });
    ids.sport = await s.taxonomy.createCategory({ name: 'Sport', slug: 'sport', position: 2 });
    ids.culture = await s.taxonomy.createCategory({ name: 'Culture', slug: 'culture', position: 3 });
    ids.lea = await s.users.createUser({ email: 'lea.martin@example.org', name: 'Léa Martin', role: 'author', bio: 'Correspondante.' });
    ids.paul = await s.users.createUser({ email: 'paul.roche@example.org', name: 'Paul Roche', role: 'author', bio: 'Reporter.' });
    ids.ines = await s.users.createUser({ email: 'ines.garnier@example.org', name: 'Inès Garnier', role: 'author', bio: 'Critique.' });
    editor.id = await s.users.createUser({ email: 'edith@example.org', name: 'Édith Éditrice', role: 'editor' });
    admin.id = await s.users.createUser({ email: 'alice@example.org', name: 'Alice Admin', role: 'administrator' });
    const categories = [ids.monde, ids.afrique, ids.sport, ids.culture];
    const authors = [ids.lea, ids.paul, ids.ines];
    const slugs = ['monde', 'afrique', 'sport', 'culture'];
    // 44 articles an hour apart: Monde (with Afrique) has two pages; each tag is shared by many
    // articles, so every stored related list fills the box (no page reads listings for it).
    for (let i = 0; i < 44; i++) {
      const words = [WORDS[i % WORDS.length], WORDS[(i * 7 + 3) % WORDS.length], WORDS[(i * 11 + 5) % WORDS.length]];
      const id = await s.articles.createArticle({
        title: `Chronique ${i + 1} : ${words.join(', ')}`,
        slug: `chronique-${i + 1}`,
        dek: `Le point sur ${words[0]} et ${words[1]}.`,
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Récit du ${words.join(' et du ')}, avec ${words[2]} encore.` }] }] },
        categoryId: categories[i % 4]!,
        authorIds: i % 5 === 0 ? [authors[i % 3]!, authors[(i + 1) % 3]!] : [authors[i % 3]!],
        tagNames: [TAG_NAMES[i % 5]!, TAG_NAMES[(i + 2) % 5]!],
        status: 'published',
        publishedAt: NOW - (i + 1) * HOUR,
      });
      articles.push({ id, url: `/${slugs[i % 4]}/chronique-${i + 1}` });
    }
    for (const name of TAG_NAMES) {
      const tag = await s.ctx.repos.taxonomy.findTagsBySlugs([name === 'Économie' ? 'economie' : name === 'Cinéma' ? 'cinema' : name.toLowerCase()]);
      tagIds.set(name, tag[0]!.id);
    }
    ids.draft = await s.articles.createArticle({
      title: 'Le festival ouvre ses portes',
      slug: 'festival-ouvre',
      dek: 'Une première attendue.',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Festival, écran et scénario.' }] }] },
      categoryId: ids.culture,
      authorIds: [ids.ines],
      tagNames: ['Cinéma', 'Climat'],
      status: 'draft',
    });
    ids.scheduled = await s.articles.createArticle({
      title: 'La coupe se joue ce soir',
      slug: 'coupe-ce-soir',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Stade, coupe et arbitre.' }] }] },
      categoryId: ids.sport,
      authorIds: [ids.paul],
      tagNames: ['Football'],
      status: 'scheduled',
      publishedAt: NOW + 1_000,
    });
    await s.comments.recordComment({ articleId: articles[0]!.id, status: 'approved', authorName: 'Lecteur', authorEmail: 'lecteur@example.org', body: 'Un premier avis.', createdAt: NOW - HOUR });
    ids.pendingComment = await s.comments.recordComment({ articleId: articles[0]!.id, status: 'pending', authorName: 'Lectrice', authorEmail: 'lectrice@example.org', body: 'Un avis en attente de validation.', createdAt: NOW - 1_000 });
    urls = [
      '/',
      '/monde/',
      '/monde/?page=2',
      '/afrique/',
      '/sport/',
      '/culture/',
      ...['diplomatie', 'economie', 'football', 'cinema', 'climat'].map((t) => `/tag/${t}`),
      '/auteur/lea-martin',
      '/auteur/paul-roche',
      '/auteur/ines-garnier',
      ...articles.map((a) => a.url),
      '/feed.xml',
      '/atom.xml',
      '/monde/feed.xml',
      '/sport/atom.xml',
      '/tag/climat/feed.json',
      '/auteur/paul-roche/feed.xml',
      ...searchUrls,
      ...sitemapUrls,
      '/robots.txt',
    ];
  }, 120_000);
  afterAll(async () => {
    await cached?.close();
    await uncached?.close();
    await db?.destroy();
  });

  /** Fills the cache with every page; returns each page's body as cached. */
  async function warm(): Promise<Map<string, string>> {
    const bodies = new Map<string, string>();
    for (const url of urls) {
      const res = await get(cached, url);
      expect(res.status, url).toBe(200);
      bodies.set(url, res.body);
    }
    const keys = new Set(cache().store.keys());
    expect(urls.filter((url) => !keys.has(cacheKey(url)!))).toEqual([]);
    return bodies;
  }

  /** The stored related list of every article page. */
  async function relatedLists(): Promise<Map<string, string>> {
    const lists = new Map<string, string>();
    for (const a of articles) lists.set(a.url, (await cached.services.ctx.repos.related.computedFor(a.id)).map((e) => e.relatedId).join(','));
    return lists;
  }

  /**
   * Makes the write and checks the dropped entries against the expected ones; `byDesign`: the
   * pages the write drops whatever they show ('all': every page).
   */
  async function checkWrite(write: () => Promise<unknown>, byDesign: readonly string[] | 'all'): Promise<{ dropped: string[]; changed: string[] }> {
    const before = await warm();
    const relatedBefore = await relatedLists();
    const keysBefore = cache().store.keys();
    await write();
    const remaining = new Set(cache().store.keys());
    const dropped = urls.filter((url) => keysBefore.includes(cacheKey(url)!) && !remaining.has(cacheKey(url)!));
    // The uncached server keeps comment settings briefly: tell it what the write changed.
    await uncached.services.ctx.invalidation.publish(['site']);
    const changed: string[] = [];
    const fresh = new Map<string, { status: number; body: string }>();
    for (const url of urls) {
      const now = await get(uncached, url);
      fresh.set(url, now);
      if (now.status !== 200 || now.body !== before.get(url)) changed.push(url);
    }
    const relatedAfter = await relatedLists();
    const relatedChanged = [...relatedBefore.keys()].filter((url) => relatedBefore.get(url) !== relatedAfter.get(url));
    const expected = byDesign === 'all' ? urls : urls.filter((url) => changed.includes(url) || byDesign.includes(url) || relatedChanged.includes(url));
    expect(dropped.sort()).toEqual([...expected].sort());
    // Nothing stale: every page the cached server answers now is what the database says.
    for (const url of urls) {
      const answer = await get(cached, url);
      expect({ url, ...answer }).toEqual({ url, ...fresh.get(url) });
    }
    return { dropped, changed };
  }

  const articleWrite = [...searchUrls, ...sitemapUrls];

  it('fills the cache with every kind of page; no article page follows a listing for its related box', async () => {
    await warm();
    for (const a of articles) expect(cache().store.tagsOf(a.url)?.some((t) => t.startsWith('list:')), a.url).toBe(false);
  });

  it('publishing an article drops the pages of every listing it joins, and no other', async () => {
    const { dropped, changed } = await checkWrite(() => cached.services.workflow.transition(editor, ids.draft, 'published'), articleWrite);
    expect(changed).toEqual(expect.arrayContaining(['/', '/culture/', '/tag/cinema', '/tag/climat', '/auteur/ines-garnier', '/feed.xml', '/tag/climat/feed.json']));
    expect(dropped).not.toContain('/sport/');
    expect((await get(cached, '/culture/')).body).toContain('Le festival ouvre ses portes');
  });

  it('editing an article drops every page that shows it, and no other', async () => {
    const target = articles[5]!;
    const { dropped } = await checkWrite(() => cached.services.articles.updateArticle(target.id, { title: 'Chronique six, revue et corrigée' }), articleWrite);
    expect(dropped).toEqual(expect.arrayContaining([target.url, '/monde/', '/tag/diplomatie', '/tag/football', '/auteur/ines-garnier', '/auteur/lea-martin']));
    expect(dropped).not.toContain('/robots.txt');
    expect((await get(cached, target.url)).body).toContain('Chronique six, revue et corrigée');
  });

  it('unpublishing an article drops its page and the listings it leaves', async () => {
    const target = articles[2]!;
    const { dropped } = await checkWrite(() => cached.services.workflow.transition(editor, target.id, 'unpublished'), articleWrite);
    expect(dropped).toEqual(expect.arrayContaining([target.url, '/sport/', '/feed.xml']));
    expect((await get(cached, target.url)).status).toBe(404);
    urls = urls.filter((url) => url !== target.url);
    articles.splice(2, 1);
  });

  it('the scheduler publishing a due article drops what a publication drops', async () => {
    clock.set(NOW + 2_000);
    const { dropped } = await checkWrite(() => cached.services.workflow.publishDue(), articleWrite);
    expect(dropped).toEqual(expect.arrayContaining(['/', '/sport/', '/tag/football', '/auteur/paul-roche']));
    expect((await get(cached, '/sport/')).body).toContain('La coupe se joue ce soir');
  });

  it('approving a comment drops only its article page', async () => {
    const { dropped } = await checkWrite(() => cached.services.moderation.apply(ids.pendingComment, 'approve'), []);
    expect(dropped).toEqual([articles[0]!.url]);
    expect((await get(cached, articles[0]!.url)).body).toContain('Un avis en attente de validation.');
  });

  it('renaming a category drops the pages that name it', async () => {
    const { dropped } = await checkWrite(() => cached.services.taxonomy.updateCategory(editor, ids.afrique, { name: 'Afrique subsaharienne' }), searchUrls);
    expect(dropped).toEqual(expect.arrayContaining(['/afrique/', '/monde/', articles[1]!.url]));
    expect(dropped).not.toContain('/sport/');
    expect(dropped).not.toContain('/sitemap.xml');
  });

  it('renaming a tag drops the pages that name it', async () => {
    const { dropped } = await checkWrite(() => cached.services.taxonomy.updateTag(editor, tagIds.get('Climat')!, { name: 'Climat et environnement' }), searchUrls);
    expect(dropped).toEqual(expect.arrayContaining(['/tag/climat', '/tag/climat/feed.json']));
    // Listing cards do not show tags.
    expect(dropped).not.toContain('/monde/');
  });

  it('renaming an author drops the pages of their bylines', async () => {
    const { dropped } = await checkWrite(() => cached.services.users.updateAs(admin, ids.ines, { name: 'Inès Garnier-Roy' }), searchUrls);
    expect(dropped).toEqual(expect.arrayContaining(['/auteur/ines-garnier', '/culture/']));
    expect((await get(cached, '/auteur/ines-garnier')).body).toContain('Inès Garnier-Roy');
  });

  it('pinning a related article drops only the page it is pinned under', async () => {
    const under = articles[10]!;
    const shown = (await get(cached, under.url)).body;
    const pinned = articles.find((a) => a.id !== under.id && !shown.includes(`href="${a.url}"`))!;
    const { dropped } = await checkWrite(() => cached.services.related.pin(under.id, pinned.id, 0), []);
    expect(dropped).toEqual([under.url]);
    expect((await get(cached, under.url)).body).toContain(`href="${pinned.url}"`);
  });

  it('changing the comment settings drops every page', async () => {
    await checkWrite(() => cached.services.ctx.commentSettings.update({ maxLength: 5_000 }), 'all');
    expect((await get(cached, articles[0]!.url)).body).toContain('maxlength="5000"');
  });

  it('changing the site settings drops every page; the purge webhook address alone drops none', async () => {
    await checkWrite(() => cached.services.settings.update(admin, { siteDescription: 'Un quotidien en ligne.' }), 'all');
    await checkWrite(() => cached.services.settings.update(admin, { purgeWebhookUrl: 'http://127.0.0.1:9/purge?tags={tags}' }), []);
    await cached.services.settings.update(admin, { purgeWebhookUrl: '' });
  });
});
