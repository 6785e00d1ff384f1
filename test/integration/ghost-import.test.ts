/**
 * `depeche import ghost` on every real Ghost export of the shared test data, on both
 * databases: counts that match what each file holds (computed from its JSON by the test),
 * no usable password from Ghost's bcrypt hashes, old /{slug}/ addresses answering 301,
 * membership tables skipped and reported, a second run that changes nothing, and malformed
 * files refused with the database unchanged.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepecheError } from '../../src/errors.js';
import { GhostReader } from '../../src/services/import/ghost-reader.js';
import type { ImportReport } from '../../src/services/import/import-model.js';
import { ImportService } from '../../src/services/import/import-service.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { ghostExpectation } from '../support/ghost-expectations.js';
import { sharedTestdata } from '../support/shared-testdata.js';

const ghost = sharedTestdata('ghost');
const FILES = ghost.available
  ? readdirSync(ghost.path, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(ghost.path, d.name)).filter((f) => f.endsWith('.json')).map((f) => `${d.name}/${f}`))
      .sort()
  : [];

async function importFile(app: TestApp, path: string, options: { dryRun?: boolean } = {}): Promise<ImportReport> {
  return new ImportService(app.services).run(new GhostReader(path), options);
}

async function tableCounts(db: TestDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['articles', 'pages', 'users', 'categories', 'tags', 'media', 'comments', 'redirects', 'import_map'] as const) {
    const row = await db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

describeEachDatabase('Ghost import of real exports', (dialect) => {
  if (!ghost.available) {
    it.skip(ghost.skipReason, () => undefined);
    return;
  }

  it('finds the Ghost test files', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of FILES) {
    describe(file, () => {
      let db: TestDatabase;
      let app: TestApp;
      let report: ImportReport;
      const path = join(ghost.path, file);
      const expected = ghostExpectation(path);

      beforeAll(async () => {
        db = await createTestDatabase(dialect);
        app = await buildTestApp(db);
        report = await importFile(app, path);
      });
      afterAll(async () => {
        await app?.close();
        await db?.destroy();
      });

      it('imports what the file holds', async () => {
        const c = report.counts;
        expect({ articles: c.articles.created, pages: c.pages.created, tags: c.tags.created, categories: c.categories.created, attachments: c.attachments.created }).toEqual({
          articles: expected.articles,
          pages: expected.pages,
          tags: expected.tags,
          categories: expected.categories,
          attachments: expected.featureImages,
        });
        // One account per email: a second user with the same email signs with the first.
        expect(c.authors.created).toBe(expected.distinctEmails);
        expect(c.authors.created + c.authors.unchanged).toBe(expected.users);
        for (const type of ['articles', 'pages', 'tags', 'categories', 'authors', 'attachments'] as const) expect(c[type].skipped, type).toBe(0);

        const counts = await tableCounts(db);
        expect(counts.articles).toBe(expected.articles);
        expect(counts.pages).toBe(expected.pages);
        expect(counts.tags).toBe(expected.tags);
        // Untagged posts go to the fallback category "Non classé".
        expect(counts.categories).toBe(expected.categories + (expected.untagged > 0 ? 1 : 0));
        for (const table of expected.skippedTables) expect(report.warnings.some((w) => w.kind === 'table' && w.sourceId === table), `table ${table} reported`).toBe(true);
      });

      it('keeps each post’s tags in order and its primary tag as category', async () => {
        for (const [slug, tagSlugs] of expected.tagsOfPost) {
          const article = await app.services.ctx.repos.articles.findBySlug(slug);
          if (!article) continue;
          const tags = (await app.services.ctx.repos.articles.tagsFor([article.id])).map((t) => t.slug);
          expect(tags, slug).toEqual(tagSlugs);
          const [category] = await app.services.ctx.repos.articles.categoriesByIds([article.primary_category_id]);
          expect(category?.slug, slug).toBe(tagSlugs[0] ?? 'non-classe');
        }
      });

      it('never turns a Ghost password hash into a usable password', async () => {
        const users = await db.db.selectFrom('users').select(['email', 'password_hash']).execute();
        for (const user of users) expect(user.password_hash, user.email).toBeNull();
        const raw = readFileSync(path, 'utf8');
        if (raw.includes('$2a$')) {
          const stored = JSON.stringify(await db.db.selectFrom('users').selectAll().execute());
          expect(stored).not.toContain('$2a$');
        }
      });

      it('answers the old Ghost addresses with a 301 to the new ones', async () => {
        for (const old of expected.oldPaths) {
          const article = old.page ? undefined : await app.services.ctx.repos.articles.findBySlug(old.slug);
          if (!old.page && !article) continue;
          const response = await app.server.inject({ method: 'GET', url: old.path });
          expect(response.statusCode, old.path).toBe(301);
          if (article) {
            const [category] = await app.services.ctx.repos.articles.categoriesByIds([article.primary_category_id]);
            expect(response.headers.location).toBe(`/${category!.slug}/${article.slug}`);
          }
        }
      });

      it('changes nothing when run again', async () => {
        const before = await tableCounts(db);
        const again = await importFile(app, path);
        for (const [type, c] of Object.entries(again.counts)) {
          expect(c.created, type).toBe(0);
          expect(c.updated, type).toBe(0);
        }
        expect(again.counts.articles.unchanged).toBe(expected.articles);
        expect(await tableCounts(db)).toEqual(before);
      });
    });
  }
});

describeEachDatabase('Ghost import refuses malformed files', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db);
    dir = mkdtempSync(join(tmpdir(), 'depeche-ghost-bad-'));
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const realExport = JSON.stringify({
    db: [{ meta: { exported_on: 1, version: '5.0.0' }, data: { posts: [{ id: 'p1', title: 'Titre', slug: 'titre', html: '<p>Texte</p>', status: 'published', published_at: '2024-01-01T00:00:00.000Z' }], users: [], tags: [] } }],
  });
  const cases: Array<[string, string, RegExp]> = [
    ['truncated', realExport.slice(0, Math.floor(realExport.length / 2)), /ends too early|not valid JSON/],
    ['not JSON', 'Ceci n’est pas un export.', /not valid JSON/],
    ['not an export', JSON.stringify({ hello: 'world' }), /not a Ghost export/],
    ['a list', JSON.stringify([1, 2, 3]), /not a Ghost export/],
    ['posts not a list', JSON.stringify({ meta: { version: '4.0.0' }, data: { posts: { id: 1 } } }), /data\.posts must be a list/],
    ['a post that is not an object', JSON.stringify({ meta: { version: '4.0.0' }, data: { posts: ['titre'] } }), /data\.posts\[0\] must be an object/],
    ['version not a string', JSON.stringify({ meta: { version: 5 }, data: { posts: [] } }), /meta\.version/],
    ['no posts table', JSON.stringify({ meta: { version: '4.0.0' }, data: { users: [] } }), /no posts table/],
  ];

  for (const [name, content, message] of cases) {
    it(`refuses ${name}, database unchanged`, async () => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, content);
      const before = await tableCounts(db);
      const error = await importFile(app, file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DepecheError);
      expect((error as DepecheError).code).toBe('DEPECHE_IMPORT_REFUSED');
      expect((error as DepecheError).message).toMatch(message);
      expect(await tableCounts(db)).toEqual(before);
    });
  }

  it('refuses a file over the size limit', async () => {
    const file = join(dir, 'big.json');
    writeFileSync(file, realExport);
    const error = await new ImportService(app.services).run(new GhostReader(file, { maxBytes: 100 })).catch((e: unknown) => e);
    expect((error as DepecheError).code).toBe('DEPECHE_IMPORT_TOO_LARGE');
  });

  it('imports the well-formed export, then a dry run of it writes nothing', async () => {
    const file = join(dir, 'good.json');
    writeFileSync(file, realExport);
    const dry = await importFile(app, file, { dryRun: true });
    expect(dry.counts.articles.created).toBe(1);
    expect(await tableCounts(db)).toMatchObject({ articles: 0, import_map: 0 });
    const done = await importFile(app, file);
    expect(done.counts.articles.created).toBe(1);
  });
});

describeEachDatabase('Ghost import details', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let dir: string;
  let report: ImportReport;

  const lexical = JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Texte ', format: 0 }, { type: 'text', text: 'gras', format: 1 }] }, { type: 'image', src: '__GHOST_URL__/content/images/2024/05/corps.jpg', alt: 'Un quai', caption: 'Le quai' }] } });
  const mobiledoc = JSON.stringify({ version: '0.3.1', markups: [], atoms: [], cards: [['markdown', { markdown: '## Sous-titre\n\nUn *paragraphe*.' }]], sections: [[10, 0]] });
  const file = {
    db: [
      {
        meta: { exported_on: 1, version: '5.80.0' },
        data: {
          settings: [{ key: 'permalinks', value: '/:year/:month/:slug/' }],
          users: [{ id: 'u1', name: 'Ana Lima', slug: 'ana', email: 'ana@example.org', password: '$2a$10$abcdefghijklmnopqrstuv', bio: 'Reporter.' }],
          roles: [{ id: 'r1', name: 'Editor' }],
          roles_users: [{ role_id: 'r1', user_id: 'u1' }],
          tags: [
            { id: 't1', name: 'Port', slug: 'port' },
            { id: 't2', name: '#vedette', slug: 'hash-vedette', visibility: 'internal' },
          ],
          posts: [
            { id: 'p1', title: 'Le quai', slug: 'le-quai', lexical, html: null, status: 'published', type: 'post', visibility: 'public', published_at: '2024-05-03T10:00:00.000Z', feature_image: '__GHOST_URL__/content/images/2024/05/une.jpg' },
            { id: 'p2', title: 'Réservé', slug: 'reserve', mobiledoc, status: 'published', type: 'post', visibility: 'paid', published_at: '2024-05-04T10:00:00.000Z' },
            { id: 'p3', title: 'À propos', slug: 'a-propos-du-port', html: '<p>Qui nous sommes.</p>', status: 'published', type: 'page', published_at: '2024-01-01T00:00:00.000Z' },
          ],
          posts_tags: [
            { post_id: 'p1', tag_id: 't2', sort_order: 0 },
            { post_id: 'p1', tag_id: 't1', sort_order: 1 },
          ],
          posts_authors: [{ post_id: 'p1', author_id: 'u1', sort_order: 0 }],
          posts_meta: [{ post_id: 'p1', feature_image_alt: 'Le port au matin', feature_image_caption: 'Photo <b>Ana</b>', meta_title: 'Titre SEO', og_description: 'Description OG' }],
          members: [{ id: 'm1', email: 'abonne@example.org' }],
        },
      },
    ],
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db);
    dir = mkdtempSync(join(tmpdir(), 'depeche-ghost-details-'));
    const images = join(dir, 'images', '2024', '05');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(images, { recursive: true });
    const sharp = (await import('sharp')).default;
    writeFileSync(join(images, 'une.jpg'), await sharp({ create: { width: 80, height: 60, channels: 3, background: '#357' } }).jpeg().toBuffer());
    writeFileSync(join(dir, 'ghost.json'), JSON.stringify(file));
    const { ghostImagesFolder } = await import('../../src/services/import/ghost-reader.js');
    report = await new ImportService(app.services).run(new GhostReader(join(dir, 'ghost.json'), { baseUrl: 'https://blog.example.org' }), { localFile: ghostImagesFolder(join(dir, 'images')) });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('converts Lexical and mobiledoc bodies, keeps the feature image with its alt text and caption', async () => {
    const repos = app.services.ctx.repos;
    const quai = (await repos.articles.findBySlug('le-quai'))!;
    const body = JSON.parse(quai.body) as { content: Array<{ type: string; attrs?: Record<string, unknown>; content?: unknown[] }> };
    expect(body.content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Texte ' }, { type: 'text', text: 'gras', marks: [{ type: 'bold' }] }] });
    expect(body.content[1]).toMatchObject({ type: 'figure', attrs: { src: 'https://blog.example.org/content/images/2024/05/corps.jpg', alt: 'Un quai', caption: 'Le quai' } });
    expect(quai).toMatchObject({ seo_title: 'Titre SEO', seo_description: 'Description OG', status: 'published', published_at: Date.parse('2024-05-03T10:00:00.000Z') });
    const [media] = await repos.media.findByIds([quai.featured_media_id!]);
    expect(media).toMatchObject({ alt: 'Le port au matin', caption: 'Photo Ana' });
    const reserved = (await repos.articles.findBySlug('reserve'))!;
    expect(JSON.parse(reserved.body)).toMatchObject({ content: [{ type: 'heading', attrs: { level: 2 } }, { type: 'paragraph' }] });
  });

  it('keeps members-only posts unpublished, skips internal tags and membership tables, reads roles', async () => {
    const repos = app.services.ctx.repos;
    expect((await repos.articles.findBySlug('reserve'))!.status).toBe('unpublished');
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'post', sourceId: 'p2', message: expect.stringMatching(/"paid" only on Ghost: imported as unpublished/) }),
        expect.objectContaining({ kind: 'tag', sourceId: 't2', message: expect.stringMatching(/internal tag/) }),
        expect.objectContaining({ kind: 'table', sourceId: 'members' }),
      ]),
    );
    expect((await repos.taxonomy.allTags()).map((t) => t.slug)).toEqual(['port']);
    const quai = (await repos.articles.findBySlug('le-quai'))!;
    expect((await repos.articles.categoriesByIds([quai.primary_category_id]))[0]!.slug).toBe('port');
    const ana = (await repos.users.findByEmail('ana@example.org'))!;
    expect(ana).toMatchObject({ role: 'editor', bio: 'Reporter.', password_hash: null });
  });

  it('redirects the old addresses of the permalink setting and of pages', async () => {
    const post = await app.server.inject({ method: 'GET', url: '/2024/05/le-quai/' });
    expect(post.statusCode).toBe(301);
    expect(post.headers.location).toBe('/port/le-quai');
    const page = await app.server.inject({ method: 'GET', url: '/a-propos-du-port/' });
    expect(page.statusCode).toBe(301);
    expect(page.headers.location).toBe('/a-propos-du-port');
    expect((await app.server.inject({ method: 'GET', url: '/a-propos-du-port' })).statusCode).toBe(200);
  });
});
