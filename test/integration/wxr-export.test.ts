/**
 * `depeche export wordpress` on both databases: the WXR file is well-formed XML (libxml2 via
 * xmllint-wasm), its fields read back as written (fast-xml-parser), and imported into an empty
 * Dépêche by the WordPress importer it gives the same articles, pages, comments and taxonomy,
 * except for what WXR cannot carry (listed in README: "What a WXR round trip loses"). The old
 * article addresses answer at the same path.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { fixedClock } from '../../src/services/clock.js';
import { ImportService } from '../../src/services/import/import-service.js';
import { WxrReader } from '../../src/services/import/wxr-reader.js';
import { createServices, type Services } from '../../src/services/index.js';
import { buildServer } from '../../src/web/server.js';
import { testConfig } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildRichSite } from '../support/rich-site.js';
import { siteSnapshot, type SiteSnapshot } from '../support/site-snapshot.js';

const START = Date.parse('2026-02-02T08:00:00Z');
const LATER = Date.parse('2026-02-02T09:00:00Z');
const site = { siteUrl: 'http://localhost:3000', siteName: 'Dépêche', siteLanguage: 'fr', timeZone: 'Europe/Paris' };

type Item = Record<string, unknown> & { 'wp:post_type': string; 'wp:post_name': string };

async function exportWxr(services: Services): Promise<string> {
  let text = '';
  await services.wxrExport.write(async (chunk) => {
    text += chunk;
  });
  return text;
}

/** What a WXR round trip is expected to keep of an article (see the README for what it loses). */
function kept(article: Record<string, unknown>) {
  const { slug, title, dek, status, publishedAt, category, bylines, tags, seo, commentsOpen } = article as {
    slug: string;
    title: string;
    dek: string;
    status: string;
    publishedAt: number | null;
    category: string;
    bylines: unknown[][];
    tags: unknown[][];
    seo: unknown;
    commentsOpen: number;
  };
  return {
    slug,
    title,
    dek,
    // "unpublished" has no WordPress status: it comes back a draft.
    status: status === 'unpublished' ? 'draft' : status,
    // WordPress dates are to the second; drafts have none.
    publishedAt: publishedAt === null || status === 'draft' || status === 'review' || status === 'unpublished' ? null : Math.floor(publishedAt / 1000) * 1000,
    category,
    bylines: bylines.map((b) => b[0]),
    // WordPress keeps no order among a post's tags.
    tags: tags.map((t) => String(t[0])).sort(),
    seo,
    commentsOpen,
  };
}

function keptComment(comment: Record<string, unknown>) {
  const c = comment as { key: string; parent: string | null; status: string; author: string[]; body: string; createdAt: number; erasedAt: number | null };
  // Erased comments keep their place but have no text: WordPress's importer has nothing to keep.
  return { parent: c.parent?.split('@')[0] ?? null, status: c.status, author: c.author, body: c.body, createdAt: Math.floor(c.createdAt / 1000) * 1000 };
}

describeEachDatabase('WordPress (WXR 1.2) export', (dialect) => {
  let source: TestDatabase;
  let services: Services;
  let dirs: string[];
  let wxr: string;
  let items: Item[];

  beforeAll(async () => {
    dirs = [mkdtempSync(join(tmpdir(), 'depeche-wxr-src-')), mkdtempSync(join(tmpdir(), 'depeche-wxr-dst-'))];
    source = await createTestDatabase(dialect);
    const clock = fixedClock(START);
    services = createServices({ db: source.db, site, mediaDir: dirs[0]!, clock });
    await buildRichSite(services, clock, START);
    wxr = await exportWxr(services);
    const parsed = new XMLParser({ ignoreAttributes: false, cdataPropName: false, isArray: (name) => ['item', 'wp:comment', 'category', 'wp:postmeta', 'wp:author', 'wp:category', 'wp:tag'].includes(name), parseTagValue: false }).parse(wxr) as {
      rss: { channel: { item: Item[] } };
    };
    items = parsed.rss.channel.item;
  });
  afterAll(async () => {
    await source?.destroy();
    for (const dir of dirs ?? []) rmSync(dir, { recursive: true, force: true });
  });

  it('is well-formed XML 1.0', async () => {
    // No schema: libxml2 parses (and reformats) the file, which fails on anything not well-formed.
    const result = await validateXML({ xml: [{ fileName: 'export.xml', contents: wxr }], normalization: 'format' });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('writes the body as HTML rendered from the document', () => {
    const post = items.find((i) => i['wp:post_name'] === 'le-pont-rouvre-enfin')!;
    // Text is HTML-escaped inside the CDATA section ("]]>" cannot end it); media addresses are absolute.
    expect(String(post['content:encoded'])).toContain('<p>Premier paragraphe « cité » avec une apostrophe ’ et ]]&gt; au milieu.</p>');
    // A library image points at its file and its attachment item (wp-image-N), as in WordPress.
    const attachment = items.find((i) => i['wp:post_type'] === 'attachment' && String(i['wp:attachment_url']).includes('/pont-'))!;
    expect(String(post['content:encoded'])).toContain(`<figure class="body-figure"><img class="wp-image-${String(attachment['wp:post_id'])}" src="${String(attachment['wp:attachment_url'])}" alt="Le pont, de face" width="64" height="48"`);
    // Its former address, as WordPress's old-slug meta.
    expect((post['wp:postmeta'] as Array<Record<string, string>>).filter((m) => m['wp:meta_key'] === '_wp_old_slug').map((m) => m['wp:meta_value'])).toEqual(['le-pont-rouvre']);
  });

  it('writes what WordPress reads: authors, terms, items, meta, comments', () => {
    expect(items.filter((i) => i['wp:post_type'] === 'post')).toHaveLength(7);
    expect(items.filter((i) => i['wp:post_type'] === 'page')).toHaveLength(1);
    expect(items.filter((i) => i['wp:post_type'] === 'attachment')).toHaveLength(2);
    const post = items.find((i) => i['wp:post_name'] === 'le-pont-rouvre-enfin')!;
    expect(post).toMatchObject({ title: 'Le pont rouvre enfin', 'dc:creator': 'arno', 'wp:status': 'publish', 'excerpt:encoded': 'Un chapô.', link: 'http://localhost:3000/afrique/le-pont-rouvre-enfin' });
    const categories = post.category as Array<Record<string, string>>;
    expect(categories.map((c) => [c['@_domain'], c['@_nicename']])).toEqual([
      ['category', 'afrique'],
      ['post_tag', 'travaux'],
      ['post_tag', 'ponts'],
      ['author', 'cap-arno'],
      ['author', 'cap-edith-editrice'],
    ]);
    const meta = Object.fromEntries((post['wp:postmeta'] as Array<Record<string, string>>).map((m) => [m['wp:meta_key'], m['wp:meta_value']]));
    const attachment = items.find((i) => i['wp:post_type'] === 'attachment' && i['wp:post_id'] === meta._thumbnail_id)!;
    expect(attachment).toBeDefined();
    expect(Object.fromEntries((attachment['wp:postmeta'] as Array<Record<string, string>>).map((m) => [m['wp:meta_key'], m['wp:meta_value']]))).toMatchObject({ _wp_attachment_image_alt: 'Un pont de pierre' });
    expect(meta).toMatchObject({ _yoast_wpseo_title: 'Pont : réouverture', _yoast_wpseo_metadesc: 'La réouverture du pont.' });
    expect(post['wp:post_date_gmt']).toBe('2026-02-02 07:03:00');
    expect(post['wp:post_date']).toBe('2026-02-02 08:03:00');
    const comments = post['wp:comment'] as Array<Record<string, string>>;
    expect(comments.map((c) => c['wp:comment_approved']).sort()).toEqual(['0', '1', '1', '1', 'spam']);
    const reply = comments.find((c) => c['wp:comment_author'] === 'Marc')!;
    const parent = comments.find((c) => c['wp:comment_author'] === 'Lina')!;
    expect(reply['wp:comment_parent']).toBe(parent['wp:comment_id']);
    const staff = comments.find((c) => c['wp:comment_user_id'] !== '0')!;
    expect(staff['wp:comment_content']).toBe('Merci de votre lecture.');
    const statuses = Object.fromEntries(items.filter((i) => i['wp:post_type'] === 'post').map((i) => [i['wp:post_name'], i['wp:status']]));
    expect(statuses).toMatchObject({ brouillon: 'draft', 'en-relecture': 'pending', programme: 'future', depublie: 'draft', 'a-la-corbeille': 'trash' });
  });

  it('imports back into an empty Dépêche with the same content, but what WXR cannot carry', async () => {
    const target = await createTestDatabase(dialect);
    try {
      const targetServices = createServices({ db: target.db, site, mediaDir: dirs[1]!, clock: fixedClock(LATER) });
      const file = join(dirs[1]!, 'export.xml');
      writeFileSync(file, wxr);
      // The files are found in the old media folder by their /media/ address.
      const localFile = (url: string) => (url.startsWith(`${site.siteUrl}/media/`) ? join(dirs[0]!, url.slice(`${site.siteUrl}/media/`.length)) : undefined);
      const report = await new ImportService(targetServices).run(new WxrReader(file), { localFile });
      // The erased comment (no name, no text left) is the only item the importer skips.
      for (const [type, c] of Object.entries(report.counts)) expect(c.skipped, type).toBe(type === 'comments' ? 1 : type === 'other' ? c.skipped : 0);
      expect(report.warnings.filter((w) => w.kind === 'comment').map((w) => w.message)).toEqual([expect.stringMatching(/^skipped: .*empty comment$/)]);
      const [before, after] = [await siteSnapshot(source.db), await siteSnapshot(target.db)];
      const pick = (s: SiteSnapshot) => (s.articles as Array<Record<string, unknown>>).map(kept);
      expect(pick(after)).toEqual(pick(before));
      const pickComments = (s: SiteSnapshot) => (s.comments as Array<Record<string, unknown>>).filter((c) => c.erasedAt === null).map(keptComment);
      expect(pickComments(after)).toEqual(pickComments(before));
      const taxonomy = (s: SiteSnapshot) => ({
        categories: (s.categories as Array<Record<string, unknown>>).map((c) => [c.slug, c.name, c.parent]),
        tags: (s.tags as Array<Record<string, unknown>>).map((t) => [t.slug, t.name]),
      });
      expect(taxonomy(after)).toEqual(taxonomy(before));
      expect((after.pages as Array<Record<string, unknown>>).map((p) => [p.slug, p.title, p.status])).toEqual((before.pages as Array<Record<string, unknown>>).map((p) => [p.slug, p.title, p.status]));
      // Bodies: the same text and structure; a figure's credit joins its caption (WordPress has one caption).
      const body = (s: SiteSnapshot, slug: string) => JSON.parse(String((s.articles as Array<Record<string, unknown>>).find((a) => a.slug === slug)!.body)) as { content: Array<{ type: string; attrs?: Record<string, unknown> }> };
      const [old, imported] = [body(before, 'le-pont-rouvre-enfin'), body(after, 'le-pont-rouvre-enfin')];
      expect(imported.content.map((n) => n.type)).toEqual(old.content.map((n) => n.type));
      const figure = imported.content.find((n) => n.type === 'figure')!;
      // The image is the imported library copy; its credit joins the caption (WordPress has one caption).
      const [imageRow] = await target.db.selectFrom('media').select(['storage_key']).execute();
      // (the snapshot names library images by their file)
      expect(figure.attrs).toMatchObject({ mediaId: imageRow!.storage_key, src: `/media/${imageRow!.storage_key}`, alt: 'Le pont, de face', caption: 'Une légende Crédit' });

      // The old addresses answer at the same path on the new site.
      const config = testConfig(dirs[1]!);
      const server = await buildServer({ config, services: targetServices, logger: false });
      try {
        for (const path of ['/afrique/le-pont-rouvre-enfin', '/international/expo-ia', '/a-propos']) {
          const response = await server.inject({ method: 'GET', url: path });
          expect(response.statusCode, path).toBe(200);
        }
      } finally {
        await server.close();
      }
    } finally {
      await target.destroy();
    }
  });
});
