/**
 * A WordPress export (WXR 1.2) of a French local-news site, generated for the import benchmark:
 * authors, nested categories, tags, then `posts` posts with comments, streamed to a file.
 *
 * It has what real exports have and importers trip over: classic-editor bodies (paragraphs as
 * blank lines, `[caption]` shortcodes, inline scripts carrying their own CDATA) and Gutenberg
 * block markup; drafts with no date ("0000-00-00 00:00:00", pubDate in year -0001) and no slug;
 * pending, scheduled, private and password-protected posts; `_wp_old_slug` metadata; comments
 * threaded, pending, spam or trashed, pingbacks, staff replies. Text is original (wxr-text.ts),
 * from a seeded generator: the same options give the same bytes.
 *
 * Usage: node dist/bench/import/generate-wxr.js FILE [POSTS]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BufferedFileWriter, cdata, xmlText } from './xml-writer.js';
import { WxrText, wpSlug } from './wxr-text.js';

/** Bump when the output changes, so that cached files are regenerated. */
export const WXR_GENERATOR_VERSION = 1;

/** What to generate. */
export interface WxrOptions {
  posts: number;
  seed?: number;
  /** The exported site's address (base_site_url, links, image URLs). */
  siteUrl?: string;
}

/** What was generated, to check an import against. */
export interface WxrStats {
  posts: number;
  postsByStatus: Record<string, number>;
  comments: number;
  /** By wp:comment_approved value: 1, 0, spam, trash. */
  commentsByStatus: Record<string, number>;
  /** Comments with a parent comment. */
  replies: number;
  pingbacks: number;
  authors: number;
  categories: number;
  tags: number;
  gutenbergPosts: number;
  captions: number;
  /** Posts whose body contains `]]>` (split across CDATA sections). */
  cdataSplits: number;
  bytes: number;
}

/** [name, slug, parent slug] — parents listed before their children, as WordPress exports them. */
const CATEGORIES: readonly (readonly [string, string, string])[] = [
  ['Non classé', 'non-classe', ''],
  ['Actualité', 'actualite', ''],
  ['Politique', 'politique', ''],
  ['Économie', 'economie', ''],
  ['Société', 'societe', ''],
  ['Culture', 'culture', ''],
  ['Sports', 'sports', ''],
  ['Sciences & environnement', 'sciences-environnement', ''],
  ['Territoires', 'territoires', ''],
  ['Municipales', 'municipales', 'politique'],
  ['Europe', 'europe', 'politique'],
  ['Emploi', 'emploi', 'economie'],
  ['Agriculture', 'agriculture', 'economie'],
  ['Commerce', 'commerce', 'economie'],
  ['Éducation', 'education', 'societe'],
  ['Santé', 'sante', 'societe'],
  ['Justice', 'justice', 'societe'],
  ['Cinéma', 'cinema', 'culture'],
  ['Musique', 'musique', 'culture'],
  ['Livres', 'livres', 'culture'],
  ['Patrimoine', 'patrimoine', 'culture'],
  ['Football', 'football', 'sports'],
  ['Rugby', 'rugby', 'sports'],
  ['Cyclisme', 'cyclisme', 'sports'],
  ['Climat', 'climat', 'sciences-environnement'],
  ['Numérique', 'numerique', 'sciences-environnement'],
  ['Littoral', 'littoral', 'territoires'],
  ['Montagne', 'montagne', 'territoires'],
  ['Vallée', 'vallee', 'territoires'],
  ['Football amateur', 'football-amateur', 'football'],
];

const TAG_WORDS = [
  'budget', 'travaux', 'école', 'hôpital', 'transports', 'vélo', 'logement', 'eau', 'énergie', 'sécheresse', 'inondations', 'commerce', 'marché', 'festival', 'concert',
  'théâtre', 'bibliothèque', 'patrimoine', 'église', 'château', 'port', 'pêche', 'agriculture', 'vignes', 'élevage', 'forêt', 'chasse', 'randonnée', 'tourisme', 'camping',
  'emploi', 'usine', 'grève', 'retraite', 'jeunesse', 'seniors', 'santé', 'pharmacie', 'urgences', 'police', 'gendarmerie', 'justice', 'élections', 'conseil municipal',
  'intercommunalité', 'fibre', 'numérique', 'collège', 'lycée', 'université', 'football', 'rugby', 'cyclisme', 'natation', 'handball', 'basket', 'athlétisme', 'météo', 'climat', 'biodiversité',
];

const POST_STATUSES: readonly (readonly [string, number])[] = [
  ['publish', 0.92],
  ['draft', 0.04],
  ['pending', 0.015],
  ['future', 0.01],
  ['private', 0.01],
  ['publish-password', 0.005],
];
const COMMENT_COUNTS = [0.35, 0.2, 0.15, 0.12, 0.1, 0.08];
const COMMENT_STATUSES: readonly (readonly [string, number])[] = [
  ['1', 0.85],
  ['0', 0.08],
  ['spam', 0.05],
  ['trash', 0.02],
];

const YEAR_MS = 365.25 * 86_400_000;
/** Posts span the ten years before this instant; scheduled ones come after FUTURE_FROM. */
const ARCHIVE_END = Date.parse('2025-06-01T06:00:00Z');
const FUTURE_FROM = Date.parse('2031-01-05T06:00:00Z');
const ZERO_DATE = '0000-00-00 00:00:00';

function weighted(text: WxrText, table: readonly (readonly [string, number])[]): string {
  let x = text.next();
  for (const [value, weight] of table) {
    if (x < weight) return value;
    x -= weight;
  }
  return table[0]?.[0] ?? '';
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

/** Europe/Paris local time of a UTC instant (EU summer time rules), as WordPress stores post_date. */
function parisTime(utc: number): number {
  const year = new Date(utc).getUTCFullYear();
  const summer = utc >= lastSundayUtc(year, 2) && utc < lastSundayUtc(year, 9);
  return utc + (summer ? 2 : 1) * 3_600_000;
}

/** "2025-12-01 14:05:00" for an instant read as UTC. */
function mysqlDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 date in GMT, as in an RSS pubDate. */
function rfc822(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** One exported author. */
interface Author {
  id: number;
  login: string;
  email: string;
  displayName: string;
  first: string;
  last: string;
}

function makeAuthors(text: WxrText, count: number): Author[] {
  const authors: Author[] = [];
  const logins = new Set<string>();
  for (let id = 1; authors.length < count; id++) {
    const [first = '', last = ''] = text.person().split(/ (.*)/);
    const login = id === 1 ? 'admin' : wpSlug(`${first}.${last}`).replace(/-/g, '.');
    if (logins.has(login)) continue;
    logins.add(login);
    authors.push({ id, login, email: `${login}@example.org`, displayName: id === 1 ? 'La rédaction' : `${first} ${last}`, first: id === 1 ? '' : first, last: id === 1 ? '' : last });
  }
  return authors;
}

function makeTags(text: WxrText, count: number): { name: string; slug: string }[] {
  const tags = new Map<string, string>();
  for (const word of TAG_WORDS) if (tags.size < count) tags.set(wpSlug(word), word);
  while (tags.size < count) {
    const name = text.next() < 0.7 ? text.town() : `${text.pick(TAG_WORDS)} à ${text.town()}`;
    tags.set(wpSlug(name), name);
  }
  return [...tags].map(([slug, name]) => ({ name, slug }));
}

/** The body of one post and what it holds. */
interface Body {
  html: string;
  gutenberg: boolean;
  captions: number;
}

class BodyWriter {
  private imageId = 100_000;

  constructor(
    private readonly text: WxrText,
    private readonly siteUrl: string,
  ) {}

  private image(at: number): { id: number; src: string; alt: string; caption: string; width: number; height: number } {
    const id = this.imageId++;
    const d = new Date(at);
    const width = this.text.pick([800, 1024, 1200]);
    const height = Math.round((width * 2) / 3);
    const town = this.text.town();
    return {
      id,
      src: `${this.siteUrl}/wp-content/uploads/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${wpSlug(town)}-${id}-${width}x${height}.jpg`,
      alt: `Vue de ${town}`,
      caption: `${town}, ${this.text.pick(['le chantier', 'la place du marché', 'les berges', 'la mairie', 'le stade'])}. Photo ${this.text.person()}`,
      width,
      height,
    };
  }

  private link(at: number): string {
    const d = new Date(at - this.text.int(1, 900) * 86_400_000);
    const inside = this.text.next() < 0.7;
    const slug = wpSlug(this.text.headline());
    const href = inside ? `${this.siteUrl}/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${slug}/` : `https://www.example.net/actualites/${slug}`;
    return `<a href="${xmlText(href)}"${inside ? '' : ' target="_blank" rel="noopener"'}>${this.text.pick(['notre article', 'lire aussi', 'le compte rendu', 'le dossier complet', 'selon le site de la commune'])}</a>`;
  }

  /** A paragraph with, now and then, a link, bold or italic words. */
  private paragraph(at: number): string {
    let p = this.text.paragraph();
    const x = this.text.next();
    if (x < 0.15) p += ` (${this.link(at)})`;
    else if (x < 0.22) p = `<strong>${p}</strong>`;
    else if (x < 0.27) p = p.replace(/« ([^»]+) »/, '« <em>$1</em> »');
    return p;
  }

  classic(at: number, withScript: boolean): Body {
    const parts: string[] = [];
    let captions = 0;
    const count = this.text.int(3, 8);
    for (let i = 0; i < count; i++) {
      if (i === 1 && this.text.next() < 0.35) {
        const img = this.image(at);
        captions++;
        parts.push(`[caption id="attachment_${img.id}" align="aligncenter" width="${img.width}"]<img class="size-large wp-image-${img.id}" src="${xmlText(img.src)}" alt="${xmlText(img.alt)}" width="${img.width}" height="${img.height}" /> ${img.caption}[/caption]`);
      }
      if (i > 1 && this.text.next() < 0.2) parts.push(`<h2>${this.text.headline()}</h2>`);
      parts.push(this.paragraph(at));
    }
    // Old embed codes wrapped their script in CDATA: the exporter must split its "]]>".
    if (withScript) parts.push('<script type="text/javascript">/* <![CDATA[ */ var sondage = { id: 42, theme: "circulation" }; /* ]]> */</script>');
    return { html: parts.join('\n\n'), gutenberg: false, captions };
  }

  gutenberg(at: number, withScript: boolean): Body {
    const blocks: string[] = [];
    let captions = 0;
    const count = this.text.int(3, 8);
    for (let i = 0; i < count; i++) {
      if (i === 1 && this.text.next() < 0.35) {
        const img = this.image(at);
        captions++;
        blocks.push(
          `<!-- wp:image {"id":${img.id},"sizeSlug":"large","linkDestination":"none"} -->\n<figure class="wp-block-image size-large"><img src="${xmlText(img.src)}" alt="${xmlText(img.alt)}" class="wp-image-${img.id}"/><figcaption class="wp-element-caption">${img.caption}</figcaption></figure>\n<!-- /wp:image -->`,
        );
      }
      if (i > 1 && this.text.next() < 0.2) blocks.push(`<!-- wp:heading -->\n<h2 class="wp-block-heading">${this.text.headline()}</h2>\n<!-- /wp:heading -->`);
      if (i > 2 && this.text.next() < 0.08) {
        blocks.push(`<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>${this.text.sentence()}</p>\n<!-- /wp:paragraph --><cite>${this.text.person()}</cite></blockquote>\n<!-- /wp:quote -->`);
      }
      if (i > 2 && this.text.next() < 0.06) {
        const items = Array.from({ length: this.text.int(2, 4) }, () => `<!-- wp:list-item -->\n<li>${this.text.sentence()}</li>\n<!-- /wp:list-item -->`);
        blocks.push(`<!-- wp:list -->\n<ul class="wp-block-list">${items.join('\n')}</ul>\n<!-- /wp:list -->`);
      }
      blocks.push(`<!-- wp:paragraph -->\n<p>${this.paragraph(at)}</p>\n<!-- /wp:paragraph -->`);
    }
    if (withScript) blocks.push('<!-- wp:html -->\n<script>/* <![CDATA[ */ var carte = [[1, 2], [3, 4]]; /* ]]> */</script>\n<!-- /wp:html -->');
    return { html: blocks.join('\n\n'), gutenberg: true, captions };
  }
}

/** Picks a post's dates: GMT publication, or none for a draft never dated. */
function postDates(text: WxrText, index: number, posts: number, status: string): { gmt: number | null } {
  if (status === 'future') return { gmt: FUTURE_FROM + text.int(0, 365) * 86_400_000 + text.int(0, 86_399) * 1000 };
  if (status === 'draft' && text.next() < 0.5) return { gmt: null };
  const spread = 10 * YEAR_MS;
  const at = ARCHIVE_END - spread + ((index + text.next()) / posts) * spread;
  return { gmt: Math.floor(at / 1000) * 1000 };
}

/** Writes the export to `file`, streaming; returns what it holds. */
export function generateWxr(file: string, options: WxrOptions): WxrStats {
  const text = new WxrText(options.seed ?? 2024);
  const siteUrl = (options.siteUrl ?? 'https://www.gazette-des-vallees.example').replace(/\/+$/, '');
  const out = new BufferedFileWriter(file);
  const stats: WxrStats = { posts: 0, postsByStatus: {}, comments: 0, commentsByStatus: {}, replies: 0, pingbacks: 0, authors: 0, categories: CATEGORIES.length, tags: 0, gutenbergPosts: 0, captions: 0, cdataSplits: 0, bytes: 0 };
  try {
    const authors = makeAuthors(text, 20);
    const tags = makeTags(text, 200);
    stats.authors = authors.length;
    stats.tags = tags.length;
    out.write(
      `<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by Dépêche's import benchmark (synthetic content). -->
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
\t<title>La Gazette des vallées</title>
\t<link>${xmlText(siteUrl)}</link>
\t<description>Toute l’actualité de nos communes &amp; de leurs habitants</description>
\t<pubDate>${rfc822(ARCHIVE_END)}</pubDate>
\t<language>fr-FR</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>${xmlText(siteUrl)}</wp:base_site_url>
\t<wp:base_blog_url>${xmlText(siteUrl)}</wp:base_blog_url>
`,
    );
    for (const a of authors) {
      out.write(
        `\t<wp:author><wp:author_id>${a.id}</wp:author_id><wp:author_login>${cdata(a.login)}</wp:author_login><wp:author_email>${cdata(a.email)}</wp:author_email><wp:author_display_name>${cdata(a.displayName)}</wp:author_display_name><wp:author_first_name>${cdata(a.first)}</wp:author_first_name><wp:author_last_name>${cdata(a.last)}</wp:author_last_name></wp:author>\n`,
      );
    }
    CATEGORIES.forEach(([name, slug, parent], i) => {
      out.write(`\t<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename>${cdata(slug)}</wp:category_nicename><wp:category_parent>${cdata(parent)}</wp:category_parent><wp:cat_name>${cdata(name)}</wp:cat_name></wp:category>\n`);
    });
    tags.forEach((t, i) => {
      out.write(`\t<wp:tag><wp:term_id>${CATEGORIES.length + i + 1}</wp:term_id><wp:tag_slug>${cdata(t.slug)}</wp:tag_slug><wp:tag_name>${cdata(t.name)}</wp:tag_name></wp:tag>\n`);
    });
    out.write('\n\t<generator>https://wordpress.org/?v=6.5.2</generator>\n');

    const bodies = new BodyWriter(text, siteUrl);
    const slugs = new Set<string>();
    let commentId = 1;
    for (let i = 0; i < options.posts; i++) {
      const postId = 10 + i;
      const drawn = weighted(text, POST_STATUSES);
      const status = drawn === 'publish-password' ? 'publish' : drawn;
      const password = drawn === 'publish-password' ? `secret${i % 97}` : '';
      const { gmt } = postDates(text, i, options.posts, status);
      const title = text.headline();
      const author = text.next() < 0.1 ? authors[0] : text.pick(authors);
      // WordPress gives drafts and pending posts no slug until they are published.
      let slug = status === 'draft' || status === 'pending' ? '' : wpSlug(title);
      if (slug !== '') {
        const base = slug;
        for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
        slugs.add(slug);
      }
      const at = gmt ?? ARCHIVE_END;
      const withScript = i % 50 === 7;
      const body = text.next() < 0.45 ? bodies.gutenberg(at, withScript) : bodies.classic(at, withScript);
      const modified = gmt === null ? at : gmt + (text.next() < 0.3 ? text.int(60, 5 * 86_400) * 1000 : 0);
      const localDate = gmt === null ? mysqlDate(parisTime(ARCHIVE_END)) : mysqlDate(parisTime(gmt));
      const d = new Date(at);
      const link = slug === '' || status !== 'publish' ? `${siteUrl}/?p=${postId}` : `${siteUrl}/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${slug}/`;
      const excerpt = text.next() < 0.25 ? text.sentence() : '';

      const terms: string[] = [];
      const primary = text.next() < 0.03 ? CATEGORIES[0] : text.pick(CATEGORIES.slice(1));
      const categories = new Set([primary]);
      if (text.next() < 0.15) categories.add(text.pick(CATEGORIES.slice(1)));
      for (const c of categories) if (c) terms.push(`\t\t<category domain="category" nicename="${xmlText(c[1])}">${cdata(c[0])}</category>`);
      const tagCount = text.int(0, 5);
      const chosen = new Set<number>();
      while (chosen.size < tagCount) chosen.add(text.int(0, tags.length - 1));
      for (const t of chosen) {
        const tag = tags[t];
        if (tag) terms.push(`\t\t<category domain="post_tag" nicename="${xmlText(tag.slug)}">${cdata(tag.name)}</category>`);
      }

      const meta = [`\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>${cdata('_edit_last')}</wp:meta_key>\n\t\t\t<wp:meta_value>${cdata(String(author?.id ?? 1))}</wp:meta_value>\n\t\t</wp:postmeta>`];
      if (slug !== '' && text.next() < 0.02) meta.push(`\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>${cdata('_wp_old_slug')}</wp:meta_key>\n\t\t\t<wp:meta_value>${cdata(`${slug}-ancien`)}</wp:meta_value>\n\t\t</wp:postmeta>`);

      out.write(
        `
\t<item>
\t\t<title>${cdata(title)}</title>
\t\t<link>${xmlText(link)}</link>
\t\t<pubDate>${gmt === null ? 'Mon, 30 Nov -0001 00:00:00 +0000' : rfc822(gmt)}</pubDate>
\t\t<dc:creator>${cdata(author?.login ?? 'admin')}</dc:creator>
\t\t<guid isPermaLink="false">${xmlText(`${siteUrl}/?p=${postId}`)}</guid>
\t\t<description></description>
\t\t<content:encoded>${cdata(body.html)}</content:encoded>
\t\t<excerpt:encoded>${cdata(excerpt)}</excerpt:encoded>
\t\t<wp:post_id>${postId}</wp:post_id>
\t\t<wp:post_date>${cdata(localDate)}</wp:post_date>
\t\t<wp:post_date_gmt>${cdata(gmt === null ? ZERO_DATE : mysqlDate(gmt))}</wp:post_date_gmt>
\t\t<wp:post_modified>${cdata(mysqlDate(parisTime(modified)))}</wp:post_modified>
\t\t<wp:post_modified_gmt>${cdata(mysqlDate(modified))}</wp:post_modified_gmt>
\t\t<wp:comment_status>${cdata(text.next() < 0.9 ? 'open' : 'closed')}</wp:comment_status>
\t\t<wp:ping_status>${cdata('open')}</wp:ping_status>
\t\t<wp:post_name>${cdata(slug)}</wp:post_name>
\t\t<wp:status>${cdata(status)}</wp:status>
\t\t<wp:post_parent>0</wp:post_parent>
\t\t<wp:menu_order>0</wp:menu_order>
\t\t<wp:post_type>${cdata('post')}</wp:post_type>
\t\t<wp:post_password>${cdata(password)}</wp:post_password>
\t\t<wp:is_sticky>${status === 'publish' && text.next() < 0.001 ? 1 : 0}</wp:is_sticky>
${terms.join('\n')}
${meta.join('\n')}
`,
      );

      // Only posts readers could see have comments.
      if (status === 'publish' || status === 'private') {
        const count = Number(weighted(text, COMMENT_COUNTS.map((w, n) => [String(n), w] as const)));
        const ids: number[] = [];
        let when = (gmt ?? ARCHIVE_END) + text.int(5, 600) * 60_000;
        for (let c = 0; c < count; c++) {
          const id = commentId++;
          const approved = weighted(text, COMMENT_STATUSES);
          const pingback = c === 0 && text.next() < 0.03;
          const parent = !pingback && ids.length > 0 && text.next() < 0.3 ? (text.pick(ids) ?? 0) : 0;
          const staff = !pingback && parent !== 0 && text.next() < 0.15 ? text.pick(authors) : undefined;
          const name = pingback ? `Blog de ${text.town()}` : (staff?.displayName ?? (text.next() < 0.15 ? text.pick(['Un lecteur', 'Anonyme', 'Citoyen vigilant', 'Marcel 56']) : text.person()));
          const email = pingback ? '' : (staff?.email ?? `${wpSlug(name).replace(/-/g, '.')}${text.int(1, 99)}@example.net`);
          const url = pingback ? `https://blog.example.com/${wpSlug(text.headline())}/` : text.next() < 0.1 ? 'https://www.example.com/' : '';
          const ip = text.next() < 0.85 ? `${text.pick(['192.0.2', '198.51.100', '203.0.113'])}.${text.int(1, 254)}` : `2001:db8::${text.int(1, 65_535).toString(16)}`;
          let content = pingback ? `[…] ${text.sentence()} […]` : text.comment();
          if (!pingback && text.next() < 0.05) content += ` Voir <a href="https://www.example.org/doc.pdf" rel="nofollow">ce document</a>.`;
          if (!pingback && text.next() < 0.02) content += ' Les chiffres : 3 < 5 & 7 > 2.';
          when += text.int(1, 2880) * 60_000;
          out.write(
            `\t\t<wp:comment>
\t\t\t<wp:comment_id>${id}</wp:comment_id>
\t\t\t<wp:comment_author>${cdata(name)}</wp:comment_author>
\t\t\t<wp:comment_author_email>${cdata(email)}</wp:comment_author_email>
\t\t\t<wp:comment_author_url>${xmlText(url)}</wp:comment_author_url>
\t\t\t<wp:comment_author_IP>${cdata(ip)}</wp:comment_author_IP>
\t\t\t<wp:comment_date>${cdata(mysqlDate(parisTime(when)))}</wp:comment_date>
\t\t\t<wp:comment_date_gmt>${cdata(mysqlDate(when))}</wp:comment_date_gmt>
\t\t\t<wp:comment_content>${cdata(content)}</wp:comment_content>
\t\t\t<wp:comment_approved>${cdata(approved)}</wp:comment_approved>
\t\t\t<wp:comment_type>${cdata(pingback ? 'pingback' : text.next() < 0.8 ? 'comment' : '')}</wp:comment_type>
\t\t\t<wp:comment_parent>${parent}</wp:comment_parent>
\t\t\t<wp:comment_user_id>${staff?.id ?? 0}</wp:comment_user_id>
\t\t</wp:comment>
`,
          );
          ids.push(id);
          stats.comments++;
          stats.commentsByStatus[approved] = (stats.commentsByStatus[approved] ?? 0) + 1;
          if (parent !== 0) stats.replies++;
          if (pingback) stats.pingbacks++;
        }
      }
      out.write('\t</item>\n');
      stats.posts++;
      stats.postsByStatus[drawn] = (stats.postsByStatus[drawn] ?? 0) + 1;
      if (body.gutenberg) stats.gutenbergPosts++;
      stats.captions += body.captions;
      if (withScript) stats.cdataSplits++;
    }
    out.write('</channel>\n</rss>\n');
  } finally {
    stats.bytes = out.close();
  }
  return stats;
}

/** Run directly: node dist/bench/import/generate-wxr.js FILE [POSTS] */
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [file, postsText = '1000'] = process.argv.slice(2);
  const posts = Number(postsText);
  if (file === undefined || !Number.isInteger(posts) || posts < 0) {
    process.stderr.write('usage: node dist/bench/import/generate-wxr.js FILE [POSTS]\n');
    process.exitCode = 2;
  } else {
    const started = performance.now();
    const stats = generateWxr(file, { posts });
    process.stdout.write(`${JSON.stringify({ ...stats, seconds: (performance.now() - started) / 1000 }, null, 2)}\n`);
  }
}
