import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepecheError } from '../../src/errors.js';
import { fixedClock } from '../../src/services/clock.js';
import { formatReport } from '../../src/services/import/import-report.js';
import { ImportService } from '../../src/services/import/import-service.js';
import { WxrReader } from '../../src/services/import/wxr-reader.js';
import { createServices, type Services } from '../../src/services/index.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { sharedTestdata } from '../support/shared-testdata.js';
import { expectedCounts } from '../support/wxr-expectations.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const WXR = sharedTestdata('wxr');

/** Files refused on purpose: not well-formed, or no valid WXR version. */
const REFUSED: Record<string, RegExp> = {
  'wordpress-importer/phpunit-data/crazy-cdata.xml': /not well-formed/,
  'wordpress-importer/phpunit-data/malformed.xml': /not well-formed/,
  'wordpress-importer/phpunit-data/malformed-simple.xml': /not well-formed.*unclosed/,
  'wordpress-importer/phpunit-data/missing-version-tag.xml': /WXR version number .* is missing/,
  'wordpress-importer/phpunit-data/invalid-version-tag.xml': /invalid or unsupported WXR version "abc"/,
};

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? xmlFiles(path) : name.endsWith('.xml') ? [path] : [];
  });
}

function servicesOver(db: TestDatabase): Services {
  return createServices({ db: db.db, clock: fixedClock(NOW), site: { siteUrl: 'https://www.example.fr', siteName: 'Test', siteLanguage: 'fr', timeZone: 'Europe/Paris' }, mediaDir: mkdtempSync(join(tmpdir(), 'depeche-import-media-')) });
}

async function rowCounts(db: TestDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['articles', 'pages', 'users', 'categories', 'tags', 'comments', 'media', 'redirects', 'import_map'] as const) {
    const { n } = await db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(n);
  }
  return counts;
}

describeEachDatabase('WordPress import of the real-world WXR files', (dialect) => {
  const files = WXR.available ? xmlFiles(WXR.path).sort() : [];
  if (!WXR.available) it.skip(WXR.skipReason, () => undefined);

  for (const file of files) {
    const name = relative(WXR.path, file);
    const refusal = REFUSED[name];
    it(refusal ? `refuses ${name} with a clear message, the database unchanged` : `imports ${name} with the counts the file holds, then again without duplicating`, async () => {
      const db = await createTestDatabase(dialect);
      try {
        const services = servicesOver(db);
        const importer = new ImportService(services);
        const before = await rowCounts(db);
        if (refusal) {
          const error = await importer.run(new WxrReader(file)).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(DepecheError);
          expect((error as DepecheError).code).toBe('DEPECHE_IMPORT_REFUSED');
          expect((error as DepecheError).messageIn('en')).toMatch(refusal);
          expect(await rowCounts(db)).toEqual(before);
          return;
        }
        const expected = expectedCounts(file);
        const report = await importer.run(new WxrReader(file));
        const c = report.counts;
        const summary = `${name}: ${JSON.stringify(c)}`;
        expect(c.articles.created + c.articles.updated, summary).toBeGreaterThanOrEqual(expected.articles);
        expect(c.articles.created, summary).toBe(expected.articles);
        expect(c.pages.created, summary).toBe(expected.pages);
        expect(c.attachments.created, summary).toBe(expected.attachments);
        expect(c.comments.created, summary).toBe(expected.comments);
        expect(c.authors.created + c.authors.unchanged, summary).toBe(expected.authors);
        expect(c.categories.created + c.categories.unchanged, summary).toBe(expected.categories);
        expect(c.tags.created + c.tags.unchanged, summary).toBe(expected.tags);
        expect(c.comments.skipped, summary).toBe(expected.commentsSkipped);
        for (const type of ['articles', 'pages', 'attachments', 'authors', 'categories', 'tags'] as const) expect(c[type].skipped, `${summary} ${type}`).toBe(0);
        const after = await rowCounts(db);
        expect(after.articles).toBe(expected.articles);
        expect(after.pages).toBe(expected.pages);
        expect(after.comments).toBe(expected.comments);

        // The same file again: everything unchanged, nothing added.
        const again = await importer.run(new WxrReader(file));
        expect(again.counts.articles.created + again.counts.pages.created + again.counts.comments.created + again.counts.authors.created).toBe(0);
        expect(await rowCounts(db)).toEqual(after);
      } finally {
        await db.destroy();
      }
    });
  }
});

describeEachDatabase('WordPress import behaviour', (dialect) => {
  let db: TestDatabase;
  let services: Services;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    services = servicesOver(db);
    dir = mkdtempSync(join(tmpdir(), 'depeche-wxr-'));
  });
  afterAll(async () => db?.destroy());

  const wxr = (items: string, channel = '') => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Ancien site</title><link>https://ancien.example.org</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://ancien.example.org</wp:base_site_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>jeanne</wp:author_login><wp:author_email>jeanne@example.org</wp:author_email><wp:author_display_name><![CDATA[Jeanne Martin]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>monde</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Monde]]></wp:cat_name></wp:category>
${channel}${items}</channel></rss>`;

  const post = (title: string, extra = '') => `<item><title>${title}</title><link>https://ancien.example.org/2024/05/un-article/</link><dc:creator>jeanne</dc:creator>
<content:encoded><![CDATA[Premier paragraphe.

Second paragraphe
avec un saut de ligne.

[caption id="attachment_9" width="300"]<img class="wp-image-9" src="https://ancien.example.org/wp-content/uploads/a.jpg" alt="Une place" /> Une légende[/caption]

[inconnu_code foo="bar"]]]></content:encoded>
<wp:post_id>12</wp:post_id><wp:post_date_gmt>2024-05-02 08:30:00</wp:post_date_gmt><wp:post_name>un-article</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:comment_status>open</wp:comment_status>
<category domain="category" nicename="monde"><![CDATA[Monde]]></category>
<wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_author>Réponse</wp:comment_author><wp:comment_author_email>r@example.org</wp:comment_author_email><wp:comment_date_gmt>2024-05-03 09:00:00</wp:comment_date_gmt><wp:comment_content>Je réponds.</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>5</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_author>Lecteur</wp:comment_author><wp:comment_author_email>l@example.org</wp:comment_author_email><wp:comment_date_gmt>2024-05-02 10:00:00</wp:comment_date_gmt><wp:comment_content>Premier !</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
${extra}</item>
<item><title>photo</title><wp:post_id>9</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><wp:post_parent>12</wp:post_parent><wp:attachment_url>https://ancien.example.org/wp-content/uploads/a.jpg</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Une place</wp:meta_value></wp:postmeta></item>`;

  const write = (name: string, text: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('converts content, threads comments and updates on re-import instead of duplicating', async () => {
    const importer = new ImportService(services);
    const file = write('site.xml', wxr(post('Un article')));
    const first = await importer.run(new WxrReader(file));
    expect(first.counts.articles.created).toBe(1);
    expect(first.warnings.some((w) => w.sourceId === '12' && /unknown shortcode \[inconnu_code\]/.test(w.message))).toBe(true);
    const article = (await services.ctx.repos.articles.findBySlug('un-article'))!;
    expect(article.title).toBe('Un article');
    expect(article.published_at).toBe(Date.parse('2024-05-02T08:30:00Z'));
    const body = JSON.parse(article.body) as { content: Array<{ type: string; attrs?: Record<string, unknown>; content?: unknown[] }> };
    expect(body.content.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'figure', 'paragraph']);
    expect(body.content[1]?.content).toEqual([{ type: 'text', text: 'Second paragraphe' }, { type: 'hardBreak' }, { type: 'text', text: 'avec un saut de ligne.' }]);
    expect(body.content[2]?.attrs).toMatchObject({ src: 'https://ancien.example.org/wp-content/uploads/a.jpg', alt: 'Une place', caption: 'Une légende' });
    const comments = await services.ctx.repos.comments.approvedFor(article.id);
    const parent = comments.find((c) => c.author_name === 'Lecteur')!;
    expect(comments.find((c) => c.author_name === 'Réponse')?.parent_id).toBe(parent.id);
    expect((await services.ctx.repos.redirects.find('/2024/05/un-article/'))?.to_path).toBe('/monde/un-article');
    expect((await services.ctx.repos.redirects.find('/2024/05/un-article'))?.to_path).toBe('/monde/un-article');
    expect(first.externalMedia).toEqual([{ sourceId: '9', url: 'https://ancien.example.org/wp-content/uploads/a.jpg' }]);
    expect(await services.publicSite.importedPostPath('wordpress', '12')).toBe('/monde/un-article');
    const found = await services.search.search({ q: 'paragraphe' });
    expect(JSON.stringify(found)).toContain('Un article');

    writeFileSync(file, wxr(post('Un article corrigé')));
    const second = await importer.run(new WxrReader(file));
    expect(second.counts.articles).toMatchObject({ created: 0, updated: 1 });
    expect(second.counts.comments).toMatchObject({ created: 0, unchanged: 2 });
    expect((await services.ctx.repos.articles.findById(article.id))?.title).toBe('Un article corrigé');
    expect(await services.ctx.repos.articles.count()).toBe(1);
    expect(await services.ctx.repos.comments.countFor(article.id)).toBe(2);
  });

  it('makes WordPress pages standalone pages and renames one whose address is a category', async () => {
    const page = (id: string, slug: string) => `<item><title>Page ${slug}</title><link>https://ancien.example.org/${slug}/</link><dc:creator>jeanne</dc:creator><content:encoded><![CDATA[Texte de la page.]]></content:encoded><wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2020-01-01 00:00:00</wp:post_date_gmt><wp:post_name>${slug}</wp:post_name><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>`;
    const report = await new ImportService(services).run(new WxrReader(write('pages.xml', wxr(page('40', 'a-propos') + page('41', 'monde')))));
    expect(report.counts.pages.created).toBe(2);
    expect((await services.ctx.repos.pages.findBySlug('a-propos'))?.title).toBe('Page a-propos');
    expect(await services.ctx.repos.pages.findBySlug('monde')).toBeUndefined();
    expect(await services.ctx.repos.pages.findBySlug('monde-page')).toBeDefined();
    expect(report.warnings.some((w) => w.sourceId === '41' && /category/.test(w.message))).toBe(true);
    expect(await services.ctx.repos.articles.count()).toBe(1);
    expect((await services.sitemaps.sections()).map((e) => e.url)).toContain('https://www.example.fr/a-propos');
  });

  it('counts everything in a dry run and writes nothing', async () => {
    const fresh = await createTestDatabase(dialect);
    try {
      const s = servicesOver(fresh);
      const before = await rowCounts(fresh);
      const report = await new ImportService(s).run(new WxrReader(write('dry.xml', wxr(post('À blanc')))), { dryRun: true });
      expect(report.dryRun).toBe(true);
      expect(report.counts.articles.created).toBe(1);
      expect(report.counts.comments.created).toBe(2);
      expect(await rowCounts(fresh)).toEqual(before);
    } finally {
      await fresh.destroy();
    }
  });

  describe('refuses dangerous or broken files, the database unchanged', () => {
    const cases: Array<[string, () => string, RegExp]> = [
      ['a truncated file', () => write('truncated.xml', wxr(post('Coupé')).slice(0, 900)), /not well-formed/],
      ['bytes that are not UTF-8', () => write('latin.xml', Buffer.concat([Buffer.from(wxr('').slice(0, 300)), Buffer.from([0xff, 0xfe, 0xe9]), Buffer.from(wxr('').slice(300))])), /not valid UTF-8/],
      ['an unknown declared encoding', () => write('enc.xml', wxr('').replace('encoding="UTF-8"', 'encoding="x-klingon"')), /encoding "x-klingon" is not supported/],
      [
        'an entity bomb (billion laughs)',
        () => write('bomb.xml', `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n${wxr(post('&c;')).replace(/^<\?xml[^>]*>\n/, '')}`),
        /DOCTYPE/,
      ],
      [
        'an external entity (XXE) reading a local file',
        () => write('xxe.xml', `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n${wxr(post('&secret;')).replace(/^<\?xml[^>]*>\n/, '')}`),
        /DOCTYPE/,
      ],
      ['a file that is not XML', () => write('not.xml', 'bonjour'), /not well-formed|no XML element/],
      ['an RSS feed that is not a WordPress export', () => write('feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>y</title></item></channel></rss>'), /WXR version number/],
    ];
    for (const [what, make, message] of cases) {
      it(what, async () => {
        const before = await rowCounts(db);
        const error = await new ImportService(services).run(new WxrReader(make())).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DepecheError);
        expect((error as DepecheError).messageIn('en')).toMatch(message);
        expect(await rowCounts(db)).toEqual(before);
      });
    }
  });

  it('writes the search vocabulary per batch with exact counts, and leaves related lists to reindex past the limit', async () => {
    const fresh = await createTestDatabase(dialect);
    try {
      const s = servicesOver(fresh);
      const item = (id: number, title: string, text: string) => `<item><title>${title}</title><link>https://ancien.example.org/article-${id}/</link><dc:creator>jeanne</dc:creator>
<content:encoded><![CDATA[${text}]]></content:encoded><wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2024-05-0${id} 08:30:00</wp:post_date_gmt><wp:post_name>article-${id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="monde"><![CDATA[Monde]]></category></item>`;
      const items = (third: string) => [item(1, 'Le conseil municipal vote', 'Le maire présente le budget au conseil.'), item(2, 'Élections au conseil', 'Les électeurs votent pour le conseil régional.'), item(3, 'Le budget', third)].join('\n');
      const vocabulary = async () => fresh.db.selectFrom('search_terms').select(['form', 'term', 'doc_count']).orderBy('form').orderBy('term').execute();
      const file = write('vocabulary.xml', wxr(items('Le budget du département augmente.')));
      // Batches of two: the vocabulary is written by two batches, then a third changes an article.
      const first = await new ImportService(s).run(new WxrReader(file), { batchSize: 2, relatedLimit: 2 });
      expect(first.counts.articles.created).toBe(3);
      expect(first.relatedDeferred).toBe(3);
      expect(formatReport(first)).toContain('depeche reindex');
      expect(await fresh.db.selectFrom('related_articles').selectAll().execute()).toEqual([]);
      writeFileSync(file, wxr(items('Le budget de la région baisse, dit le maire.')));
      const second = await new ImportService(s).run(new WxrReader(file), { batchSize: 2 });
      expect(second.counts.articles).toMatchObject({ updated: 1, unchanged: 2 });
      expect(second.relatedDeferred).toBeUndefined();
      expect((await fresh.db.selectFrom('related_articles').selectAll().execute()).length).toBeGreaterThan(0);
      const imported = await vocabulary();
      expect(imported.some((t) => t.form === 'region')).toBe(true);
      expect(imported.some((t) => t.form === 'departement')).toBe(false);
      // A rebuild from the articles counts every pair again: the import's counts must be the same.
      await s.searchIndexer.reindexAll({ related: false });
      expect(await vocabulary()).toEqual(imported);
    } finally {
      await fresh.destroy();
    }
  });

  it('reads a missing file as a clear error', async () => {
    const error = await new ImportService(services).run(new WxrReader(join(dir, 'absent.xml'))).catch((e: unknown) => e);
    expect((error as DepecheError).code).toBe('DEPECHE_IMPORT_FILE');
  });

  it('imports files found under --uploads into the media library', async () => {
    const uploads = mkdtempSync(join(tmpdir(), 'depeche-uploads-'));
    const { uploadsLocator } = await import('../../src/services/import/uploads-locator.js');
    const sharp = (await import('sharp')).default;
    writeFileSync(join(uploads, 'a.jpg'), await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } }).jpeg().toBuffer());
    const fresh = await createTestDatabase(dialect);
    try {
      const s = servicesOver(fresh);
      const report = await new ImportService(s).run(new WxrReader(write('media.xml', wxr(post('Avec image')))), { localFile: uploadsLocator(uploads) });
      expect(report.externalMedia).toEqual([]);
      const media = await fresh.db.selectFrom('media').selectAll().execute();
      expect(media).toHaveLength(1);
      expect(media[0]?.alt).toBe('Une place');
      const article = (await s.ctx.repos.articles.findBySlug('un-article'))!;
      expect(article.body_html).toContain('/media/');
      expect(uploadsLocator(uploads)('https://x.example/wp-content/uploads/../../etc/passwd')).toBeUndefined();
    } finally {
      await fresh.destroy();
    }
    void copyFileSync;
    void readFileSync;
  });
});
