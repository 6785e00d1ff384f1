/**
 * HTTP caching of public pages, on both databases: hits answered before routing with exactly
 * the headers of the miss, in each encoding; ETag, Last-Modified and 304; Cache-Control of
 * public and personal answers; cache tags; no personal data in a shared answer (a logged-in
 * editor, a reader's pending comment, a reader's remembered details); a render that started
 * before a write does not store; another node sharing the bus drops its copy; the purge webhook.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalInvalidationBus } from '../../src/services/cache/invalidation-bus.js';
import { fixedClock } from '../../src/services/clock.js';
import { PERSONAL_CACHE, PUBLIC_CACHE } from '../../src/web/cache/http-caching.js';
import type { PageCache } from '../../src/web/cache/page-cache.js';
import { COMMENTER_COOKIE, REMEMBER_COOKIE } from '../../src/web/routes/comments.js';
import { buildStaff, loginAs, type Staff } from '../support/admin-client.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { cookieFrom, formToken, postForm } from '../support/comments.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite, sampleBody, type SiteFixture } from '../support/factories.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

/** A request with node:http (no automatic decompression, every header as sent). */
function fetchRaw(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The headers of an answer as a sorted list, without those that change with each answer. */
function headerList(raw: readonly string[]): string[] {
  const list: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    if (name !== 'date' && name !== 'connection' && name !== 'keep-alive') list.push(`${name}: ${raw[i + 1]}`);
  }
  return list.sort();
}

/** Every stored body, decoded, joined (to look for what must never be stored). */
function storedText(cache: PageCache): string {
  const parts: string[] = [];
  for (const key of cache.store.keys()) {
    const page = cache.store.get(key, 0);
    if (page) parts.push(page.identity.body.toString('utf8'), page.notModified.join('\n'), page.identity.headers.join('\n'));
  }
  return parts.join('\n');
}

describeEachDatabase('page cache over HTTP', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let port: number;
  let site: SiteFixture;
  let staff: Staff;
  const clock = fixedClock(NOW);
  let articleUrl: string;
  let articleId: number;
  let renders = 0;

  const cache = (): PageCache => app.server.pageCache!;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock });
    site = await buildSite(app.services);
    staff = await buildStaff(app.services);
    for (let i = 0; i < 6; i++) await buildArticle(app.services, site, { body: sampleBody(`Paragraphe ${i} assez long pour que la page dépasse un kilo-octet une fois compressée. `.repeat(8)) });
    articleId = await buildArticle(app.services, site, { title: 'La page que tout le monde lit', slug: 'page-lue' });
    articleUrl = '/monde/page-lue';
    // Counts renders of category pages, to tell a hit from a miss.
    const categoryPage = app.services.publicSite.categoryPage.bind(app.services.publicSite);
    app.services.publicSite.categoryPage = async (...args) => {
      renders++;
      return categoryPage(...args);
    };
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  it('answers a hit before routing, with exactly the headers and body of the miss, in each encoding', async () => {
    for (const acceptEncoding of [undefined, 'gzip', 'br', 'gzip, deflate, br']) {
      cache().store.clear();
      const headers: Record<string, string> = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
      const before = renders;
      const miss = await fetchRaw(port, '/monde/', headers);
      const hit = await fetchRaw(port, '/monde/', headers);
      expect(renders - before, String(acceptEncoding)).toBe(1);
      expect(miss.status).toBe(200);
      expect(headerList(hit.rawHeaders)).toEqual(headerList(miss.rawHeaders));
      expect(hit.body.equals(miss.body)).toBe(true);
      const encoding = hit.headers['content-encoding'];
      expect(encoding).toBe(acceptEncoding === undefined ? undefined : acceptEncoding === 'gzip' ? 'gzip' : 'br');
      const text = (encoding === 'br' ? brotliDecompressSync(hit.body) : encoding === 'gzip' ? gunzipSync(hit.body) : hit.body).toString('utf8');
      expect(text).toContain('<h1');
      expect(hit.headers.vary).toBe('Accept-Encoding');
      expect(Number(hit.headers['content-length'])).toBe(hit.body.length);
      // Security headers set by helmet on the miss are stored with the page.
      expect(hit.headers['content-security-policy']).toContain("default-src 'self'");
      expect(hit.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('answers hits through inject() too (the onRequest hook), with the same headers', async () => {
    cache().store.clear();
    const before = renders;
    const miss = await app.server.inject({ method: 'GET', url: '/monde/', headers: { 'accept-encoding': 'br' } });
    const hit = await app.server.inject({ method: 'GET', url: '/monde/', headers: { 'accept-encoding': 'br' } });
    expect(renders - before).toBe(1);
    const { date: _a, connection: _b, ...missHeaders } = miss.headers;
    const { date: _c, connection: _d, ...hitHeaders } = hit.headers;
    expect(hitHeaders).toEqual(missHeaders);
    expect(brotliDecompressSync(hit.rawPayload).toString('utf8')).toContain('<h1');
  });

  it('keys pages by path and sorted query', async () => {
    cache().store.clear();
    await fetchRaw(port, '/recherche?q=paragraphe&page=1');
    expect(cache().store.keys()).toEqual(['/recherche?page=1&q=paragraphe']);
    const hit = await fetchRaw(port, '/recherche?page=1&q=paragraphe');
    expect(hit.status).toBe(200);
  });

  it('gives strong ETags and Last-Modified, answers 304 on hits and misses, and HEAD without a body', async () => {
    // An article page's form token changes with each render: its ETag holds until the page is
    // rendered again, so the miss case uses a listing (the same bytes at each render).
    for (const [url, fill] of [[articleUrl, true], ['/monde/', false]] as const) {
      cache().store.clear();
      const first = await fetchRaw(port, url);
      const etag = first.headers.etag!;
      const lastModified = first.headers['last-modified']!;
      expect(etag).toMatch(/^"[\w-]{27}"$/);
      expect(new Date(lastModified).toUTCString()).toBe(lastModified);
      if (!fill) cache().store.clear();
      const byEtag = await fetchRaw(port, url, { 'if-none-match': etag });
      expect(byEtag.status, `fill ${fill}`).toBe(304);
      expect(byEtag.body.length).toBe(0);
      expect(byEtag.headers.etag).toBe(etag);
      expect(byEtag.headers['cache-control']).toBe(PUBLIC_CACHE);
      expect(byEtag.headers['content-type']).toBeUndefined();
      expect((await fetchRaw(port, url, { 'if-none-match': `"autre", ${etag}` })).status).toBe(304);
      expect((await fetchRaw(port, url, { 'if-modified-since': lastModified })).status).toBe(304);
      expect((await fetchRaw(port, url, { 'if-none-match': '"autre"', 'if-modified-since': lastModified })).status).toBe(200);
      expect((await fetchRaw(port, url, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).toBe(200);
      const head = await fetchRaw(port, url, {}, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      expect(head.headers['content-length']).toBe(first.headers['content-length']);
      expect(head.headers.etag).toBe(etag);
    }
  });

  it('says public with s-maxage and stale-while-revalidate for shared pages, with their tags as Surrogate-Key and Cache-Tag', async () => {
    for (const url of ['/', '/monde/', articleUrl, '/tag/essai', '/recherche?q=paragraphe', '/api/search?q=paragraphe']) {
      const res = await fetchRaw(port, url);
      expect(res.headers['cache-control'], url).toBe(PUBLIC_CACHE);
      const keys = String(res.headers['surrogate-key']).split(' ');
      expect(keys[0], url).toBe('site');
      expect(String(res.headers['cache-tag']).split(',')).toEqual(keys);
    }
    const article = await fetchRaw(port, articleUrl);
    expect(String(article.headers['surrogate-key']).split(' ')).toEqual(expect.arrayContaining([`a:${articleId}`, `cm:${articleId}`, `rel:${articleId}`, `c:${site.categoryId}`, `u:${site.authorId}`]));
    const feed = await fetchRaw(port, '/feed.xml');
    expect(feed.headers['cache-control']).toContain('public');
    expect(String(feed.headers['surrogate-key'])).toContain('list:all');
    expect(String((await fetchRaw(port, '/sitemap.xml')).headers['surrogate-key'])).toBe('site sitemap');
  });

  it('says no-store for errors and the admin, private no-store for personal pages, and caches none of them', async () => {
    cache().store.clear();
    const missing = await fetchRaw(port, '/monde/nulle-part');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.headers['surrogate-key']).toBeUndefined();
    const shell = await fetchRaw(port, '/admin/');
    expect(shell.headers['cache-control']).toBe('private, no-store');
    const api = await fetchRaw(port, '/api/admin/session');
    expect(api.headers['cache-control']).toBe('no-store');
    const remembered = Buffer.from(JSON.stringify({ n: 'Zoé Souvenir', e: 'zoe@example.org', u: '' })).toString('base64url');
    const personal = await fetchRaw(port, articleUrl, { cookie: `${REMEMBER_COOKIE}=${remembered}` });
    expect(personal.headers['cache-control']).toBe(PERSONAL_CACHE);
    expect(personal.headers['surrogate-key']).toBeUndefined();
    expect(personal.headers.etag).toBeUndefined();
    expect(cache().store.keys()).toEqual([]);
  });

  it('a logged-in editor gets the very answer an anonymous reader gets: no cookie, no name, no CSRF token', async () => {
    const editor = await loginAs(app.server, 'editor');
    const user = await app.services.users.find(staff.editor);
    expect(editor.cookie).toBeDefined();
    for (const url of ['/', '/monde/', articleUrl, '/feed.xml', '/recherche?q=paragraphe']) {
      cache().store.clear();
      // The editor's request comes first: it is the one stored.
      const asEditor = await fetchRaw(port, url, { cookie: editor.cookie! });
      const anonymous = await fetchRaw(port, url);
      for (const answer of [asEditor, anonymous]) {
        expect(answer.headers['set-cookie'], url).toBeUndefined();
        const text = answer.body.toString('utf8');
        expect(text).not.toContain(user.display_name);
        expect(text).not.toContain(user.email);
        expect(text).not.toContain(editor.csrfToken!);
      }
      expect(anonymous.headers.etag).toBe(asEditor.headers.etag);
      expect(cache().store.keys().length, url).toBe(1);
      expect(storedText(cache())).not.toContain(user.display_name);
    }
  });

  it('a pending comment shows to its writer only, and never lands in the shared cache', async () => {
    cache().store.clear();
    const body = 'Un avis personnel qui attend la modération.';
    const posted = await postForm(app, articleUrl, { token: await formToken(app, articleId, clock), name: 'Noé Attente', email: 'noe@example.org', body });
    expect(posted.statusCode).toBe(303);
    // "name=value", as a browser sends it back.
    const cookie = cookieFrom(posted, COMMENTER_COOKIE)!;
    expect(cookie.startsWith(`${COMMENTER_COOKIE}=`)).toBe(true);
    // Another reader fills the cache first.
    const other = await fetchRaw(port, articleUrl);
    expect(other.headers['cache-control']).toBe(PUBLIC_CACHE);
    expect(other.body.toString('utf8')).not.toContain(body);
    expect(cache().store.keys()).toContain(articleUrl);
    // The writer is not answered from that entry: their page shows their comment, privately.
    const mine = await fetchRaw(port, articleUrl, { cookie });
    expect(mine.headers['cache-control']).toBe(PERSONAL_CACHE);
    expect(mine.body.toString('utf8')).toContain(body);
    const again = await fetchRaw(port, articleUrl);
    expect(again.body.toString('utf8')).not.toContain(body);
    expect(storedText(cache())).not.toContain(body);
    expect(storedText(cache())).not.toContain('Noé Attente');
  });

  it('a reader with the remember-me cookie gets their details filled in, and they never land in the shared cache', async () => {
    cache().store.clear();
    const posted = await postForm(app, articleUrl, { token: await formToken(app, articleId, clock), name: 'Rémi Mémoire', email: 'remi@example.org', remember: '1' });
    const remember = cookieFrom(posted, REMEMBER_COOKIE)!;
    expect(remember.startsWith(`${REMEMBER_COOKIE}=`)).toBe(true);
    const mine = await fetchRaw(port, articleUrl, { cookie: remember });
    expect(mine.headers['cache-control']).toBe(PERSONAL_CACHE);
    expect(mine.body.toString('utf8')).toContain('value="Rémi Mémoire"');
    const anonymous = await fetchRaw(port, articleUrl);
    expect(anonymous.body.toString('utf8')).not.toContain('Rémi Mémoire');
    const again = await fetchRaw(port, articleUrl, { cookie: remember });
    expect(again.body.toString('utf8')).toContain('value="Rémi Mémoire"');
    expect(storedText(cache())).not.toContain('Rémi Mémoire');
    expect(storedText(cache())).not.toContain('remi@example.org');
  });

  it('does not store a page whose render started before a write that made it stale', async () => {
    cache().store.clear();
    const original = app.services.publicSite.homePage.bind(app.services.publicSite);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let read!: () => void;
    const readDone = new Promise<void>((resolve) => (read = resolve));
    app.services.publicSite.homePage = async () => {
      const view = await original();
      read();
      await gate;
      return view;
    };
    try {
      const pending = fetchRaw(port, '/');
      await readDone;
      await app.services.articles.updateArticle(articleId, { title: 'La page que tout le monde lit, mise à jour' });
      release();
      const stale = await pending;
      expect(stale.body.toString('utf8')).not.toContain('mise à jour');
      expect(cache().store.keys()).not.toContain('/');
    } finally {
      app.services.publicSite.homePage = original;
    }
    expect((await fetchRaw(port, '/')).body.toString('utf8')).toContain('mise à jour');
    expect(cache().store.keys()).toContain('/');
  });

  it('serves pages without storing them when PAGE_CACHE_MB is 0, still with ETags and 304', async () => {
    const uncached = await buildTestApp(db, { clock, env: { PAGE_CACHE_MB: '0' } });
    try {
      expect(uncached.server.pageCache).toBeNull();
      const first = await uncached.server.inject({ method: 'GET', url: '/monde/', headers: { 'accept-encoding': 'br' } });
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-encoding']).toBeUndefined();
      expect(first.headers.vary).toBeUndefined();
      expect(first.headers['cache-control']).toBe(PUBLIC_CACHE);
      const again = await uncached.server.inject({ method: 'GET', url: '/monde/', headers: { 'if-none-match': first.headers.etag as string } });
      expect(again.statusCode).toBe(304);
    } finally {
      await uncached.close();
    }
  });

  it('a write on one node drops the page cached on another node sharing the bus', async () => {
    const bus = new LocalInvalidationBus();
    const nodeA = await buildTestApp(db, { clock, invalidationBus: bus });
    const nodeB = await buildTestApp(db, { clock, invalidationBus: bus });
    try {
      expect((await nodeB.server.inject({ method: 'GET', url: articleUrl })).statusCode).toBe(200);
      expect(nodeB.server.pageCache!.store.keys()).toContain(articleUrl);
      const started = Date.now();
      await nodeA.services.articles.updateArticle(articleId, { title: 'Titre changé sur un autre nœud' });
      // The transport decides how fast: poll with a generous deadline and report the time seen.
      while (nodeB.server.pageCache!.store.keys().includes(articleUrl) && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 10));
      const elapsed = Date.now() - started;
      expect(nodeB.server.pageCache!.store.keys(), `dropped after ${elapsed} ms`).not.toContain(articleUrl);
      expect((await nodeB.server.inject({ method: 'GET', url: articleUrl })).body).toContain('Titre changé sur un autre nœud');
    } finally {
      await nodeA.close();
      await nodeB.close();
    }
  });
});

describeEachDatabase('purge webhook', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let site: SiteFixture;
  let staff: Staff;
  let hook: Server;
  let hookUrl: string;
  let answer = 204;
  const calls: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const warnings: string[] = [];

  beforeAll(async () => {
    hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        calls.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = answer;
        res.end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock: fixedClock(NOW), onCacheWarning: (message) => warnings.push(message) });
    site = await buildSite(app.services);
    staff = await buildStaff(app.services);
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await new Promise((resolve) => hook.close(resolve));
  });

  const admin = () => ({ id: staff.administrator, role: 'administrator' as const });

  describe('calls', () => {
    it('POSTs every stale tag in one call with {tags}', async () => {
      await app.services.settings.update(admin(), { purgeWebhookUrl: `${hookUrl}/purge?tags={tags}` });
      calls.length = 0;
      const id = await buildArticle(app.services, site);
      await app.services.ctx.invalidator.settle();
      expect(calls).toHaveLength(1);
      const call = calls[0]!;
      expect(call.method).toBe('POST');
      const tags = decodeURIComponent(call.url.split('tags=')[1]!).split(',');
      expect(tags).toEqual(expect.arrayContaining([`a:${id}`, 'list:all', `list:c:${site.categoryId}`, 'search', 'sitemap']));
      expect(JSON.parse(call.body)).toEqual({ site: 'http://localhost:3000', tags });
      expect(call.headers['surrogate-key']).toBe(tags.join(' '));
      expect(call.headers['content-type']).toBe('application/json');
    });

    it('makes one call per tag with {tag}, and sends the URL’s user and password as Basic auth', async () => {
      await app.services.settings.update(admin(), { purgeWebhookUrl: `${hookUrl.replace('http://', 'http://purge:s%C3%A9cret@')}/purge/{tag}` });
      calls.length = 0;
      const id = await buildArticle(app.services, site);
      await app.services.ctx.invalidator.settle();
      expect(calls.map((c) => decodeURIComponent(c.url))).toEqual(expect.arrayContaining([`/purge/a:${id}`, '/purge/list:all']));
      expect(calls.every((c) => c.headers.authorization === `Basic ${Buffer.from('purge:sécret').toString('base64')}`)).toBe(true);
    });

    it('never fails nor delays a write when the webhook fails; says so once, without the URL’s secrets', async () => {
      await app.services.settings.update(admin(), { purgeWebhookUrl: `${hookUrl}/purge?token=tres-secret&tags={tags}` });
      answer = 500;
      warnings.length = 0;
      await buildArticle(app.services, site);
      await buildArticle(app.services, site);
      await app.services.ctx.invalidator.settle();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(hookUrl);
      expect(warnings[0]).toContain('500');
      expect(warnings[0]).not.toContain('tres-secret');
      // A server that does not answer at all: the write still succeeds.
      answer = 204;
      await buildArticle(app.services, site);
      await app.services.ctx.invalidator.settle();
      await app.services.settings.update(admin(), { purgeWebhookUrl: 'http://127.0.0.1:9/purge?tags={tags}' });
      warnings.length = 0;
      await buildArticle(app.services, site);
      await app.services.ctx.invalidator.settle();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('http://127.0.0.1:9');
      await app.services.settings.update(admin(), { purgeWebhookUrl: '' });
    });
  });

  it('administrators set it through the Admin API; a bad template is refused in French', async () => {
    const client = await loginAs(app.server, 'administrator');
    const bad = await client.request({ method: 'PATCH', url: '/api/admin/settings', payload: { purgeWebhookUrl: 'https://purge.example.org/purge' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('{tags}');
    const good = await client.request({ method: 'PATCH', url: '/api/admin/settings', payload: { purgeWebhookUrl: 'https://purge.example.org/purge?tags={tags}' } });
    expect(good.statusCode).toBe(200);
    expect(good.json().purgeWebhookUrl).toBe('https://purge.example.org/purge?tags={tags}');
    await client.request({ method: 'PATCH', url: '/api/admin/settings', payload: { purgeWebhookUrl: '' } });
  });
});
