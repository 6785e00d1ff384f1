/**
 * Every Admin API route × every role, on both databases: allowed (2xx) or refused (401 for
 * anonymous callers, 403 for roles that may not). Article, media and API-key routes are tried
 * on the actor's own item and on someone else's. The list of routes is checked against the
 * OpenAPI document, so a new route without a row here fails the suite.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ArticleStatus } from '../../src/domain/article.js';
import type { UserRole } from '../../src/domain/user.js';
import { fixedClock } from '../../src/services/clock.js';
import { AdminClient, buildStaff, loginAs, STAFF_EMAILS, TEST_PASSWORD, type ClientRequest, type Staff } from '../support/admin-client.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { sampleBody } from '../support/factories.js';
import { makePng, multipart } from '../support/images.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

/** The columns of the matrix: who calls, and whose item the call is about. */
const ACTORS = ['anonymous', 'contributor', 'contributor→other', 'author', 'author→other', 'editor', 'administrator'] as const;
type ActorColumn = (typeof ACTORS)[number];

/** Expected outcome letters: A allowed (2xx), F forbidden (403), U unauthenticated (401), N not found (404), B bad request (400). */
const OUTCOME: Record<string, (status: number) => boolean> = {
  A: (s) => s >= 200 && s < 300,
  F: (s) => s === 403,
  U: (s) => s === 401,
  N: (s) => s === 404,
  B: (s) => s === 400,
};

interface Fixtures {
  staff: Staff;
  article(owner: number, status: ArticleStatus): Promise<number>;
  media(owner: number): Promise<number>;
  category(): Promise<number>;
  tag(): Promise<number>;
  comment(): Promise<number>;
  apiKey(owner: number): Promise<number>;
  user(): Promise<number>;
  revisions(articleId: number): Promise<[number, number]>;
  importJob(): Promise<number>;
}

interface Case {
  /** "METHOD /api/admin/path" as in the OpenAPI document. */
  route: string;
  /** What is tried, for the report. */
  what: string;
  /** One letter per column of ACTORS. */
  expect: string;
  /** Needs a client of its own (the call ends or replaces the session). */
  fresh?: boolean;
  request(f: Fixtures, owner: number, self: number): Promise<ClientRequest>;
}

const get = (url: string): ClientRequest => ({ method: 'GET', url });
const post = (url: string, payload: unknown = {}): ClientRequest => ({ method: 'POST', url, payload });
const patch = (url: string, payload: unknown): ClientRequest => ({ method: 'PATCH', url, payload });
const del = (url: string): ClientRequest => ({ method: 'DELETE', url });
const put = (url: string, payload: unknown): ClientRequest => ({ method: 'PUT', url, payload });
const A = '/api/admin';

const CASES: Case[] = [
  { route: 'POST /api/admin/session', what: 'log in', expect: 'AAAAAAA', fresh: true, request: async () => post(`${A}/session`, { email: STAFF_EMAILS.author, password: TEST_PASSWORD }) },
  { route: 'GET /api/admin/session', what: 'current session', expect: 'UAAAAAA', request: async () => get(`${A}/session`) },
  { route: 'DELETE /api/admin/session', what: 'log out', expect: 'UAAAAAA', fresh: true, request: async () => del(`${A}/session`) },
  { route: 'POST /api/admin/password', what: 'change own password', expect: 'UAAAAAA', fresh: true, request: async () => post(`${A}/password`, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }) },
  { route: 'POST /api/admin/password/reset', what: 'reset with a bad token (public route)', expect: 'BBBBBBB', request: async () => post(`${A}/password/reset`, { token: 'faux-jeton', newPassword: 'un-nouveau-mot-de-passe' }) },
  { route: 'GET /api/admin/api-keys', what: 'list own keys', expect: 'UAAAAAA', request: async () => get(`${A}/api-keys`) },
  { route: 'POST /api/admin/api-keys', what: 'create a key', expect: 'UAAAAAA', request: async () => post(`${A}/api-keys`, { name: 'script' }) },
  { route: 'DELETE /api/admin/api-keys/{id}', what: 'revoke a key (own / other’s)', expect: 'UANANNN', request: async (f, owner) => del(`${A}/api-keys/${await f.apiKey(owner)}`) },

  { route: 'GET /api/admin/articles', what: 'list articles', expect: 'UAAAAAA', request: async () => get(`${A}/articles`) },
  { route: 'POST /api/admin/articles', what: 'create an article signed by the owner', expect: 'UAFAFAA', request: async (f, owner) => post(`${A}/articles`, { title: 'Un nouvel article', body: sampleBody(), categoryId: await f.category(), authorIds: [owner], tags: ['Essai'] }) },
  { route: 'GET /api/admin/articles/{id}', what: 'read a draft', expect: 'UAFAFAA', request: async (f, owner) => get(`${A}/articles/${await f.article(owner, 'draft')}`) },
  { route: 'PATCH /api/admin/articles/{id}', what: 'edit a draft', expect: 'UAFAFAA', request: async (f, owner) => patch(`${A}/articles/${await f.article(owner, 'draft')}`, { title: 'Titre revu' }) },
  { route: 'PATCH /api/admin/articles/{id}', what: 'edit a published article', expect: 'UFFAFAA', request: async (f, owner) => patch(`${A}/articles/${await f.article(owner, 'published')}`, { title: 'Titre corrigé' }) },
  { route: 'POST /api/admin/articles/{id}/transition', what: 'submit a draft for review', expect: 'UAFAFAA', request: async (f, owner) => post(`${A}/articles/${await f.article(owner, 'draft')}/transition`, { to: 'review' }) },
  { route: 'POST /api/admin/articles/{id}/transition', what: 'take back from review', expect: 'UAFAFAA', request: async (f, owner) => post(`${A}/articles/${await f.article(owner, 'review')}/transition`, { to: 'draft' }) },
  { route: 'POST /api/admin/articles/{id}/transition', what: 'publish', expect: 'UFFAFAA', request: async (f, owner) => post(`${A}/articles/${await f.article(owner, 'review')}/transition`, { to: 'published' }) },
  { route: 'POST /api/admin/articles/{id}/transition', what: 'schedule', expect: 'UFFAFAA', request: async (f, owner) => post(`${A}/articles/${await f.article(owner, 'review')}/transition`, { to: 'scheduled', at: new Date(NOW + 86_400_000).toISOString() }) },
  { route: 'POST /api/admin/articles/{id}/transition', what: 'unpublish', expect: 'UFFAFAA', request: async (f, owner) => post(`${A}/articles/${await f.article(owner, 'published')}/transition`, { to: 'unpublished' }) },
  { route: 'DELETE /api/admin/articles/{id}', what: 'trash a draft', expect: 'UAFAFAA', request: async (f, owner) => del(`${A}/articles/${await f.article(owner, 'draft')}`) },
  { route: 'DELETE /api/admin/articles/{id}', what: 'trash a published article', expect: 'UFFAFAA', request: async (f, owner) => del(`${A}/articles/${await f.article(owner, 'published')}`) },
  { route: 'POST /api/admin/articles/{id}/restore', what: 'restore from the trash', expect: 'UAFAFAA', request: async (f, owner) => post(`${A}/articles/${await f.article(owner, 'trash')}/restore`) },
  { route: 'POST /api/admin/articles/{id}/notes', what: 'add a correction', expect: 'UFFAFAA', request: async (f, owner) => post(`${A}/articles/${await f.article(owner, 'published')}/notes`, { kind: 'correction', text: 'Une date était erronée.' }) },
  { route: 'GET /api/admin/articles/{id}/preview', what: 'preview a draft', expect: 'UAFAFAA', request: async (f, owner) => get(`${A}/articles/${await f.article(owner, 'draft')}/preview`) },
  { route: 'GET /api/admin/articles/{id}/revisions', what: 'list revisions', expect: 'UAFAFAA', request: async (f, owner) => get(`${A}/articles/${await f.article(owner, 'draft')}/revisions`) },
  {
    route: 'GET /api/admin/articles/{id}/revisions/diff',
    what: 'diff two revisions',
    expect: 'UAFAFAA',
    request: async (f, owner) => {
      const id = await f.article(owner, 'draft');
      const [first, second] = await f.revisions(id);
      return get(`${A}/articles/${id}/revisions/diff?from=${first}&to=${second}`);
    },
  },
  {
    route: 'GET /api/admin/articles/{id}/revisions/{revisionId}',
    what: 'read a revision',
    expect: 'UAFAFAA',
    request: async (f, owner) => {
      const id = await f.article(owner, 'draft');
      return get(`${A}/articles/${id}/revisions/${(await f.revisions(id))[0]}`);
    },
  },
  {
    route: 'POST /api/admin/articles/{id}/revisions/{revisionId}/restore',
    what: 'restore a revision',
    expect: 'UAFAFAA',
    request: async (f, owner) => {
      const id = await f.article(owner, 'draft');
      return post(`${A}/articles/${id}/revisions/${(await f.revisions(id))[0]}/restore`);
    },
  },

  { route: 'GET /api/admin/categories', what: 'list categories', expect: 'UAAAAAA', request: async () => get(`${A}/categories`) },
  { route: 'POST /api/admin/categories', what: 'create a category', expect: 'UFFFFAA', request: async () => post(`${A}/categories`, { name: `Rubrique ${Math.random().toString(36).slice(2, 8)}` }) },
  { route: 'PATCH /api/admin/categories/{id}', what: 'rename a category', expect: 'UFFFFAA', request: async (f) => patch(`${A}/categories/${await f.category()}`, { name: 'Nouveau nom' }) },
  { route: 'DELETE /api/admin/categories/{id}', what: 'delete an unused category', expect: 'UFFFFAA', request: async (f) => del(`${A}/categories/${await f.category()}`) },
  { route: 'GET /api/admin/tags', what: 'autocomplete tags', expect: 'UAAAAAA', request: async () => get(`${A}/tags?q=ess`) },
  { route: 'POST /api/admin/tags', what: 'create a tag', expect: 'UAAAAAA', request: async () => post(`${A}/tags`, { name: 'Économie locale' }) },
  { route: 'PATCH /api/admin/tags/{id}', what: 'rename a tag', expect: 'UFFFFAA', request: async (f) => patch(`${A}/tags/${await f.tag()}`, { name: 'Nom nouveau' }) },

  { route: 'GET /api/admin/users', what: 'list accounts', expect: 'UFFFFFA', request: async () => get(`${A}/users`) },
  { route: 'POST /api/admin/users', what: 'create an account', expect: 'UFFFFFA', request: async () => post(`${A}/users`, { email: `n${Math.random().toString(36).slice(2, 8)}@example.org`, name: 'Nouvelle recrue', role: 'author' }) },
  { route: 'PATCH /api/admin/users/{id}', what: 'change another account’s role', expect: 'UFFFFFA', request: async (f) => patch(`${A}/users/${await f.user()}`, { role: 'editor' }) },
  { route: 'PATCH /api/admin/users/{id}', what: 'change one’s own bio', expect: 'UAAAAAA', request: async (_f, _owner, self) => patch(`${A}/users/${self}`, { bio: 'Journaliste.' }) },
  { route: 'GET /api/admin/authors', what: 'list byline authors', expect: 'UAAAAAA', request: async () => get(`${A}/authors`) },

  { route: 'POST /api/admin/media', what: 'upload an image', expect: 'UAAAAAA', request: async () => ({ method: 'POST', url: `${A}/media`, ...multipart({ alt: 'Un carré bleu', file: { name: 'carre.png', type: 'image/png', bytes: await makePng(40, 30) } }) }) },
  { route: 'GET /api/admin/media', what: 'list the library', expect: 'UAAAAAA', request: async () => get(`${A}/media`) },
  { route: 'GET /api/admin/media/{id}', what: 'read a library item', expect: 'UAAAAAA', request: async (f, owner) => get(`${A}/media/${await f.media(owner)}`) },
  { route: 'PATCH /api/admin/media/{id}', what: 'change alt text (own / other’s upload)', expect: 'UAFAFAA', request: async (f, owner) => patch(`${A}/media/${await f.media(owner)}`, { alt: 'Texte alternatif' }) },
  { route: 'DELETE /api/admin/media/{id}', what: 'delete from the library', expect: 'UAFAFAA', request: async (f, owner) => del(`${A}/media/${await f.media(owner)}`) },

  { route: 'GET /api/admin/comments', what: 'list comments', expect: 'UFFFFAA', request: async () => get(`${A}/comments?status=pending`) },
  { route: 'PATCH /api/admin/comments/{id}', what: 'approve a comment', expect: 'UFFFFAA', request: async (f) => patch(`${A}/comments/${await f.comment()}`, { status: 'approved' }) },
  { route: 'PATCH /api/admin/comments/{id}', what: 'edit a comment’s text', expect: 'UFFFFAA', request: async (f) => patch(`${A}/comments/${await f.comment()}`, { body: 'Texte revu par la rédaction.', authorName: 'Lectrice assidue' }) },
  { route: 'POST /api/admin/comments/bulk', what: 'approve comments in bulk', expect: 'UFFFFAA', request: async (f) => post(`${A}/comments/bulk`, { ids: [await f.comment(), await f.comment()], action: 'approve' }) },
  { route: 'POST /api/admin/comments/{id}/reply', what: 'reply as the newsroom', expect: 'UFFFFAA', request: async (f) => post(`${A}/comments/${await f.comment()}/reply`, { text: 'Merci, nous vérifions.' }) },
  { route: 'GET /api/admin/comments/pending-count', what: 'count pending comments (total or own articles)', expect: 'UAAAAAA', request: async () => get(`${A}/comments/pending-count`) },
  { route: 'GET /api/admin/commenters/export', what: 'export a commenter’s data', expect: 'UFFFFAA', request: async () => get(`${A}/commenters/export?email=lectrice%40example.org`) },
  { route: 'POST /api/admin/commenters/erase', what: 'erase a commenter’s data', expect: 'UFFFFAA', request: async () => post(`${A}/commenters/erase`, { email: 'effacee@example.org' }) },
  { route: 'GET /api/admin/articles/{id}/related', what: 'read related pins and exclusions', expect: 'UFFFFAA', request: async (f, owner) => get(`${A}/articles/${await f.article(owner, 'published')}/related`) },
  {
    route: 'PUT /api/admin/articles/{id}/related/{relatedId}',
    what: 'pin a related article',
    expect: 'UFFFFAA',
    request: async (f, owner) => put(`${A}/articles/${await f.article(owner, 'published')}/related/${await f.article(owner, 'published')}`, { kind: 'pin', position: 0 }),
  },
  {
    route: 'DELETE /api/admin/articles/{id}/related/{relatedId}',
    what: 'forget a related pin',
    expect: 'UFFFFAA',
    request: async (f, owner) => del(`${A}/articles/${await f.article(owner, 'published')}/related/${await f.article(owner, 'published')}`),
  },
  {
    route: 'POST /api/admin/imports',
    what: 'upload a file to import',
    expect: 'UFFFFFA',
    request: async () => ({ method: 'POST', url: `${A}/imports`, ...multipart({ dryRun: 'true', file: { name: 'ghost.json', type: 'application/json', bytes: Buffer.from(JSON.stringify({ meta: { version: '5.0.0' }, data: { posts: [] } })) } }) }),
  },
  { route: 'GET /api/admin/imports/{id}', what: 'follow an import', expect: 'UFFFFFA', request: async (f) => get(`${A}/imports/${await f.importJob()}`) },
  { route: 'GET /api/admin/imports/{id}/report', what: 'read an import’s report', expect: 'UFFFFFA', request: async (f) => get(`${A}/imports/${await f.importJob()}/report`) },
  { route: 'GET /api/admin/settings', what: 'read settings', expect: 'UFFFFFA', request: async () => get(`${A}/settings`) },
  { route: 'PATCH /api/admin/settings', what: 'change settings', expect: 'UFFFFFA', request: async () => patch(`${A}/settings`, { siteDescription: 'Un journal.' }) },
];

describeEachDatabase('Admin API permission matrix', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let fixtures: Fixtures;
  const clients = new Map<UserRole, AdminClient>();

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock: fixedClock(NOW) });
    const services = app.services;
    const staff = await buildStaff(services);
    const categoryId = await services.taxonomy.createCategory({ name: 'Monde', slug: 'monde' });
    let n = 0;
    fixtures = {
      staff,
      article: async (owner, status) =>
        services.articles.createArticle({
          title: `Article ${++n}`,
          body: sampleBody(),
          categoryId,
          authorIds: [owner],
          status,
          publishedAt: status === 'published' || status === 'trash' ? NOW - 3_600_000 : null,
          userId: owner,
        }),
      media: async (owner) =>
        services.media.addImage({ name: `image-${++n}`, renditions: [{ width: 10, height: 10, format: 'jpeg', bytes: Buffer.from(`image-${n}`) }], alt: 'Une image', uploadedBy: owner }),
      category: async () => services.taxonomy.createCategory({ name: `Rubrique ${++n}`, slug: `rubrique-${n}` }),
      tag: async () => (await services.taxonomy.ensureTags([`Mot ${++n}`]))[0]!,
      comment: async () => {
        const articleId = await fixtures.article(staff.author, 'published');
        return services.comments.recordComment({ articleId, status: 'pending', authorName: 'Lectrice', authorEmail: 'lectrice@example.org', body: 'Merci pour cet article.', createdAt: NOW });
      },
      apiKey: async (owner) => (await services.auth.createApiKey({ id: owner, role: 'author' }, `clé ${++n}`)).id,
      user: async () => services.users.createUser({ email: `compte${++n}@example.org`, name: `Compte ${n}`, role: 'author', password: TEST_PASSWORD }),
      importJob: async () => {
        const report = { source: 'ghost', dryRun: true, counts: {}, warnings: [], warningsOmitted: 0, externalMedia: [], durationMs: 1 };
        return services.ctx.repos.importJobs.insert({ kind: 'ghost', file_name: 'ghost.json', dry_run: 1, status: 'done', phase: 'terminé', done: 1, total: 1, report: JSON.stringify(report), created_by: staff.administrator, created_at: NOW, updated_at: NOW });
      },
      revisions: async (articleId) => {
        await services.articles.updateArticle(articleId, { title: `Titre modifié ${++n}` });
        const list = await services.ctx.repos.revisions.listWithUsers(articleId);
        return [list[list.length - 1]!.id, list[0]!.id];
      },
    };
    for (const role of ['contributor', 'author', 'editor', 'administrator'] as const) clients.set(role, await loginAs(app.server, role));
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  function who(column: ActorColumn): { role: UserRole | null; self: number; owner: number } {
    const s = fixtures.staff;
    switch (column) {
      case 'anonymous':
        return { role: null, self: 0, owner: s.author };
      case 'contributor':
        return { role: 'contributor', self: s.contributor, owner: s.contributor };
      case 'contributor→other':
        return { role: 'contributor', self: s.contributor, owner: s.otherAuthor };
      case 'author':
        return { role: 'author', self: s.author, owner: s.author };
      case 'author→other':
        return { role: 'author', self: s.author, owner: s.otherAuthor };
      case 'editor':
        return { role: 'editor', self: s.editor, owner: s.otherAuthor };
      case 'administrator':
        return { role: 'administrator', self: s.administrator, owner: s.otherAuthor };
    }
  }

  it('covers every route of the OpenAPI document', async () => {
    const doc = (await app.server.inject({ method: 'GET', url: '/api/admin/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect([...new Set(CASES.map((c) => c.route))].sort()).toEqual(documented.sort());
  });

  for (const c of CASES) {
    it(`${c.route} — ${c.what}: ${c.expect}`, async () => {
      const got: string[] = [];
      const wanted: string[] = [];
      for (const [i, column] of ACTORS.entries()) {
        const { role, self, owner } = who(column);
        const letter = c.expect[i]!;
        let client: AdminClient;
        if (role === null) client = new AdminClient(app.server);
        else if (c.fresh) client = await loginAs(app.server, role);
        else client = clients.get(role)!;
        const res = await client.request(await c.request(fixtures, owner, self));
        wanted.push(`${column}:${letter}`);
        got.push(`${column}:${OUTCOME[letter]!(res.statusCode) ? letter : `${res.statusCode} ${res.body.slice(0, 160)}`}`);
      }
      // A password change ends the account's other sessions: the shared clients log in again.
      if (c.fresh) for (const role of clients.keys()) clients.set(role, await loginAs(app.server, role));
      expect(got).toEqual(wanted);
    });
  }
});
