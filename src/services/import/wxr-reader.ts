/**
 * Reads a WordPress export (WXR) as import records, streaming. The file is read three times,
 * never held whole: (1) a check of the whole file (well-formed XML, a WXR version) before
 * anything is written, which also notes each post's attachments for galleries; (2) authors,
 * terms and attachments, so that posts find their images; (3) posts, pages and their comments.
 * In practice the file is read twice: the check also keeps the records of (2) — small next to
 * the posts — so the second reading is the posts'.
 * WordPress meanings are mapped here (statuses, Co-Authors Plus bylines, Yoast SEO fields,
 * featured images, comment approval values); content is converted by `wordpress-content.ts`.
 */
import { createHash } from 'node:crypto';
import { importSlug } from '../../domain/import/import-text.js';
import { convertWordPressContent } from '../../domain/import/wordpress-content.js';
import { DepecheError } from '../../errors.js';
import type { ImportComment, ImportPost, ImportPostStatus, ImportReader, ImportRecord } from './import-model.js';
import { childText, childrenNamed, parseWxrFile, type WxrNode } from './wxr-parser.js';

const POST_STATUS: Record<string, ImportPostStatus> = { publish: 'published', draft: 'draft', pending: 'review', future: 'scheduled', private: 'private', trash: 'trash' };
const COMMENT_STATUS: Record<string, ImportComment['status']> = { '1': 'approved', approve: 'approved', approved: 'approved', '0': 'pending', hold: 'pending', spam: 'spam', trash: 'trash', 'post-trashed': 'trash' };

/** The identity of a term in an export: its slug normalised (decoded, lower-case, hyphens). */
export function termKey(slug: string, name: string): string {
  return importSlug(slug, name, '') || slug.trim().toLowerCase();
}

/** "2024-11-02 12:00:00" (UTC) → ms; null for WordPress's zero date or nonsense. */
export function wordpressDate(value: string | undefined): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec((value ?? '').trim());
  if (!m || m[1] === '0000') return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isFinite(t) ? t : null;
}

function rfc822(value: string | undefined): number | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isFinite(t) && t > 0 ? t : null;
}

function meta(item: WxrNode): Map<string, string> {
  const values = new Map<string, string>();
  for (const m of childrenNamed(item, 'wp', 'postmeta')) {
    const key = childText(m, 'wp', 'meta_key');
    if (key !== undefined) values.set(key.trim(), childText(m, 'wp', 'meta_value') ?? '');
  }
  return values;
}

/** Yoast titles use %%variables%%: the common ones are filled, the others removed. */
function yoast(template: string | undefined, title: string, siteName: string): string | null {
  if (!template || template.trim() === '') return null;
  const filled = template
    .replace(/%%title%%/g, title)
    .replace(/%%sitename%%/g, siteName)
    .replace(/%%sep%%/g, '–')
    .replace(/%%[a-z_]+%%/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return filled === '' ? null : filled;
}

/** Reads one WXR file. */
export class WxrReader implements ImportReader {
  /**
   * The mapping source: one per WordPress site (its address), so two sites imported into one
   * Dépêche never mistake each other's post 12; the files of a split export share it.
   */
  get source(): string {
    const site = (this.baseUrl ?? '').replace(/^https?:\/\//i, '').replace(/\/+$/, '').toLowerCase();
    return site === '' ? 'wordpress' : `wordpress:${site.slice(0, 200)}`;
  }

  baseUrl: string | null = null;
  /** How many channel entries the file holds (for progress). */
  entries = 0;
  private siteName = '';
  private version: string | null = null;
  private validated = false;
  private readonly attachmentsByParent = new Map<string, string[]>();
  private readonly authors = new Set<string>();
  private readonly terms = new Set<string>();
  private repairNotice: string | null = null;
  /** Authors, terms and attachments noted by the check, until `records()` hands them on. */
  private firstRecords: ImportRecord[] | null = null;

  constructor(private readonly path: string) {}

  /** Checks the whole file: refuses it (nothing written) when it is not a readable WXR export. */
  async validate(): Promise<void> {
    if (this.validated) return;
    const firstRecords: ImportRecord[] = [];
    const result = await parseWxrFile(this.path, {
      channelField: (node) => this.channelField(node),
      entry: (node) => {
        this.entries++;
        // The check reads every entry anyway: the first pass's records are taken on the way.
        this.firstPass(node, firstRecords);
        if (node.ns !== 'rss' || node.name !== 'item') return;
        if (childText(node, 'wp', 'post_type')?.trim() !== 'attachment') return;
        const parent = childText(node, 'wp', 'post_parent')?.trim() ?? '0';
        const id = childText(node, 'wp', 'post_id')?.trim();
        if (id && parent !== '0') this.attachmentsByParent.set(parent, [...(this.attachmentsByParent.get(parent) ?? []), id]);
      },
    });
    if (this.version === null) throw new DepecheError('DEPECHE_IMPORT_REFUSED', { detail: 'this does not appear to be a WordPress export (WXR): the WXR version number (wp:wxr_version) is missing' });
    if (!/^1\.[0-2]$/.test(this.version)) throw new DepecheError('DEPECHE_IMPORT_REFUSED', { detail: `this does not appear to be a WordPress export (WXR): invalid or unsupported WXR version "${this.version.slice(0, 20)}" (1.0, 1.1 and 1.2 are read)` });
    const notes: string[] = [];
    if (result.repairs > 0) notes.push(`the file is not well-formed XML: ${result.repairs} bare "&" or HTML entity(ies) were read as text (first on line ${result.firstRepairLine ?? '?'})`);
    if (result.transcodedFrom) notes.push(`the file was read as ${result.transcodedFrom} and converted to UTF-8`);
    this.repairNotice = notes.length > 0 ? notes.join('; ') : null;
    this.firstRecords = firstRecords;
    this.validated = true;
  }

  private channelField(node: WxrNode): void {
    if (node.ns === 'wp' && node.name === 'wxr_version') this.version = node.text.trim();
    else if (node.ns === 'wp' && node.name === 'base_site_url' && node.text.trim() !== '') this.baseUrl = node.text.trim();
    else if (node.ns === 'rss' && node.name === 'link' && this.baseUrl === null && /^https?:\/\//.test(node.text.trim())) this.baseUrl = node.text.trim();
    else if (node.ns === 'rss' && node.name === 'title') this.siteName = node.text.trim();
  }

  /** The records: authors, terms and attachments first, then posts with their comments. */
  async *records(): AsyncIterable<ImportRecord> {
    await this.validate();
    if (this.repairNotice) yield { type: 'notice', sourceKind: 'file', sourceId: this.path.split('/').pop() ?? 'file', reason: this.repairNotice, skipped: false };
    const first = this.firstRecords;
    this.firstRecords = null;
    if (first !== null) yield* first;
    else yield* this.pass((node, out) => this.firstPass(node, out));
    yield* this.pass((node, out) => this.secondPass(node, out));
  }

  /** Streams the file once, turning entries into records with `handle`. */
  private async *pass(handle: (node: WxrNode, out: ImportRecord[]) => void): AsyncIterable<ImportRecord> {
    let queue: ImportRecord[] = [];
    let wake: (() => void) | null = null;
    let waiting: (() => void) | null = null;
    let done = false;
    let error: unknown = null;
    const parsing = parseWxrFile(this.path, { channelField: () => undefined, entry: (node) => handle(node, queue) }, async () => {
      // Hand the records of this chunk over before reading the next one.
      if (queue.length === 0) return;
      wake?.();
      await new Promise<void>((resolve) => (waiting = resolve));
    }).then(
      () => {
        done = true;
        wake?.();
      },
      (e: unknown) => {
        error = e;
        done = true;
        wake?.();
      },
    );
    while (true) {
      if (queue.length === 0 && !done) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const batch = queue;
      queue = [];
      for (const record of batch) yield record;
      if (error) throw error;
      const resume: (() => void) | null = waiting;
      waiting = null;
      if (resume) (resume as () => void)();
      if (done && queue.length === 0) break;
    }
    await parsing;
  }

  private firstPass(node: WxrNode, out: ImportRecord[]): void {
    if (node.ns === 'wp' && node.name === 'author') {
      const login = childText(node, 'wp', 'author_login')?.trim() ?? '';
      if (login === '' || this.authors.has(login)) return;
      this.authors.add(login);
      const first = childText(node, 'wp', 'author_first_name')?.trim() ?? '';
      const last = childText(node, 'wp', 'author_last_name')?.trim() ?? '';
      out.push({ type: 'author', sourceId: login, login, email: childText(node, 'wp', 'author_email')?.trim() || null, displayName: childText(node, 'wp', 'author_display_name')?.trim() || `${first} ${last}`.trim() || login, role: 'author' });
    } else if (node.ns === 'wp' && node.name === 'category') {
      const slug = childText(node, 'wp', 'category_nicename')?.trim() ?? '';
      this.term(out, 'category', slug, childText(node, 'wp', 'cat_name') ?? slug, childText(node, 'wp', 'category_parent')?.trim() || null, childText(node, 'wp', 'category_description') ?? '');
    } else if (node.ns === 'wp' && node.name === 'tag') {
      const slug = childText(node, 'wp', 'tag_slug')?.trim() ?? '';
      this.term(out, 'tag', slug, childText(node, 'wp', 'tag_name') ?? slug, null, childText(node, 'wp', 'tag_description') ?? '');
    } else if (node.ns === 'wp' && node.name === 'term') {
      const taxonomy = childText(node, 'wp', 'term_taxonomy')?.trim() ?? '';
      const slug = childText(node, 'wp', 'term_slug')?.trim() ?? '';
      const name = childText(node, 'wp', 'term_name') ?? slug;
      if (taxonomy === 'category') this.term(out, 'category', slug, name, childText(node, 'wp', 'term_parent')?.trim() || null, childText(node, 'wp', 'term_description') ?? '');
      else if (taxonomy === 'post_tag') this.term(out, 'tag', slug, name, null, childText(node, 'wp', 'term_description') ?? '');
      else if (taxonomy === 'author') this.coAuthor(out, slug, name);
      else out.push({ type: 'notice', sourceKind: `term:${taxonomy || 'unknown'}`, sourceId: childText(node, 'wp', 'term_id')?.trim() || slug, reason: `terms of the "${taxonomy}" taxonomy are not imported`, skipped: true });
    } else if (node.ns === 'rss' && node.name === 'item' && childText(node, 'wp', 'post_type')?.trim() === 'attachment') {
      this.attachment(node, out);
    }
  }

  /**
   * Terms are keyed by their normalised slug: exports name the same category "Company News"
   * in the channel and "company-news" on items. Returns the key.
   */
  private term(out: ImportRecord[], taxonomy: 'category' | 'tag', rawSlug: string, name: string, parent: string | null, description: string): string {
    const slug = termKey(rawSlug, name);
    const key = `${taxonomy}:${slug}`;
    if (slug === '' || this.terms.has(key)) return slug;
    this.terms.add(key);
    const parentKey = parent ? termKey(parent, parent) : null;
    out.push({ type: 'term', taxonomy, sourceId: slug, slug, name: name.trim() || slug, description: description.trim(), ...(taxonomy === 'category' ? { parentSourceId: parentKey || null } : {}) });
    return slug;
  }

  /** A Co-Authors Plus author term: the login is the slug without its "cap-" prefix. */
  private coAuthor(out: ImportRecord[], slug: string, name: string): string {
    const login = slug.replace(/^cap-/, '');
    if (login !== '' && !this.authors.has(login)) {
      this.authors.add(login);
      out.push({ type: 'author', sourceId: login, login, email: null, displayName: name.trim() || login, role: 'author' });
    }
    return login;
  }

  private attachment(item: WxrNode, out: ImportRecord[]): void {
    const id = childText(item, 'wp', 'post_id')?.trim() ?? '';
    const url = (childText(item, 'wp', 'attachment_url') ?? childText(item, 'rss', 'guid') ?? '').trim();
    if (id === '' || !/^https?:\/\//i.test(url)) {
      out.push({ type: 'notice', sourceKind: 'attachment', sourceId: id || '?', reason: 'attachment without an id or an http(s) address: skipped', skipped: true });
      return;
    }
    const parent = childText(item, 'wp', 'post_parent')?.trim() ?? '0';
    out.push({
      type: 'attachment',
      sourceId: id,
      url,
      alt: meta(item).get('_wp_attachment_image_alt') ?? '',
      caption: childText(item, 'excerpt', 'encoded') ?? '',
      title: childText(item, 'rss', 'title') ?? '',
      parentSourceId: parent === '0' ? null : parent,
    });
  }

  private secondPass(item: WxrNode, out: ImportRecord[]): void {
    if (item.ns !== 'rss' || item.name !== 'item') return;
    const type = childText(item, 'wp', 'post_type')?.trim() ?? '';
    const id = itemSourceId(item);
    if (type === 'attachment') return;
    if (type !== 'post' && type !== 'page') {
      out.push({ type: 'notice', sourceKind: type || 'item', sourceId: id || '?', reason: type === '' ? 'item without a WordPress post type (wp:post_type): skipped' : `items of type "${type}" are not imported`, skipped: true });
      return;
    }
    if (id === '') {
      out.push({ type: 'notice', sourceKind: type, sourceId: '?', reason: 'item without a post id: skipped', skipped: true });
      return;
    }
    const wpStatus = childText(item, 'wp', 'status')?.trim() ?? 'draft';
    if (wpStatus === 'auto-draft' || wpStatus === 'inherit') {
      out.push({ type: 'notice', sourceKind: type, sourceId: id, reason: `status "${wpStatus}" is not imported`, skipped: true });
      return;
    }
    const status = POST_STATUS[wpStatus] ?? 'draft';
    if (POST_STATUS[wpStatus] === undefined) out.push({ type: 'notice', sourceKind: type, sourceId: id, reason: `unknown status "${wpStatus}": imported as a draft`, skipped: false });
    const title = childText(item, 'rss', 'title') ?? '';
    const categories: string[] = [];
    const tags: string[] = [];
    const coAuthors: string[] = [];
    for (const c of childrenNamed(item, 'rss', 'category')) {
      const domain = c.attrs.domain ?? 'category';
      // RSS-style <category>Name</category> (no nicename, as hand-made exports write them) is keyed by its name.
      const slug = (c.attrs.nicename ?? '').trim() || (c.attrs.domain === undefined ? c.text.trim() : '');
      if (slug === '') continue;
      if (domain === 'category') {
        categories.push(this.term(out, 'category', slug, c.text, null, ''));
      } else if (domain === 'post_tag' || domain === 'tag') {
        tags.push(this.term(out, 'tag', slug, c.text, null, ''));
      } else if (domain === 'author') {
        coAuthors.push(this.coAuthor(out, slug, c.text));
      }
    }
    const creator = childText(item, 'dc', 'creator')?.trim() ?? '';
    if (coAuthors.length === 0 && creator !== '' && !this.authors.has(creator)) {
      this.authors.add(creator);
      out.push({ type: 'author', sourceId: creator, login: creator, email: null, displayName: creator, role: 'author' });
    }
    const content = convertWordPressContent(childText(item, 'content', 'encoded') ?? '', { postId: id, attachmentsOf: (postId) => this.attachmentsByParent.get(postId) ?? [] });
    for (const problem of content.problems) out.push({ type: 'notice', sourceKind: type === 'page' ? 'page' : 'post', sourceId: id, reason: `content: ${problem}`, skipped: false });
    const metas = meta(item);
    const link = childText(item, 'rss', 'link')?.trim() ?? '';
    const gmt = wordpressDate(childText(item, 'wp', 'post_date_gmt'));
    const published = gmt ?? rfc822(childText(item, 'rss', 'pubDate')) ?? wordpressDate(childText(item, 'wp', 'post_date'));
    const thumbnail = metas.get('_thumbnail_id')?.trim();
    const post: ImportPost = {
      type: 'post',
      kind: type === 'page' ? 'page' : 'article',
      sourceId: id,
      title,
      slug: childText(item, 'wp', 'post_name')?.trim() ?? '',
      status,
      // A draft never published has no date of publication (WordPress writes a zero GMT date).
      publishedAt: status === 'draft' || status === 'review' ? (gmt ?? null) : published,
      authorSourceIds: [...new Set(coAuthors.length > 0 ? coAuthors : creator !== '' ? [creator] : [])],
      categorySourceIds: [...new Set(categories)],
      tagSourceIds: [...new Set(tags)],
      excerpt: childText(item, 'excerpt', 'encoded') ?? '',
      content: { format: 'html', html: content.html },
      featuredImageSourceId: thumbnail && /^\d+$/.test(thumbnail) && thumbnail !== '0' ? thumbnail : null,
      seoTitle: yoast(metas.get('_yoast_wpseo_title'), title, this.siteName),
      seoDescription: yoast(metas.get('_yoast_wpseo_metadesc'), title, this.siteName),
      oldUrls: link !== '' ? [link] : [],
      commentsOpen: (childText(item, 'wp', 'comment_status')?.trim() ?? 'open') === 'open',
    };
    out.push(post);
    out.push(...this.comments(item, id));
  }

  /** The item's comments, each parent before its replies. */
  private comments(item: WxrNode, postId: string): ImportComment[] {
    const list: ImportComment[] = [];
    for (const c of childrenNamed(item, 'wp', 'comment')) {
      const id = childText(c, 'wp', 'comment_id')?.trim() ?? '';
      if (id === '') continue;
      const parent = childText(c, 'wp', 'comment_parent')?.trim() ?? '0';
      const type = childText(c, 'wp', 'comment_type')?.trim() ?? '';
      list.push({
        type: 'comment',
        sourceId: id,
        postSourceId: postId,
        parentSourceId: parent === '0' || parent === '' ? null : parent,
        authorName: childText(c, 'wp', 'comment_author') ?? '',
        authorEmail: childText(c, 'wp', 'comment_author_email')?.trim() ?? '',
        authorUrl: childText(c, 'wp', 'comment_author_url')?.trim() ?? '',
        body: childText(c, 'wp', 'comment_content') ?? '',
        createdAt: wordpressDate(childText(c, 'wp', 'comment_date_gmt')) ?? wordpressDate(childText(c, 'wp', 'comment_date')) ?? 0,
        status: COMMENT_STATUS[childText(c, 'wp', 'comment_approved')?.trim() ?? '0'] ?? 'pending',
        commentType: type === '' || type === 'comment' ? 'comment' : type,
      });
    }
    const ordered: ImportComment[] = [];
    const placed = new Set<string>();
    const ids = new Set(list.map((c) => c.sourceId));
    let remaining = list;
    while (remaining.length > 0) {
      const ready = remaining.filter((c) => c.parentSourceId === null || placed.has(c.parentSourceId) || !ids.has(c.parentSourceId));
      // A cycle of parents (corrupt export): the rest goes as is; the writer resolves what it can.
      const next = ready.length > 0 ? ready : remaining;
      for (const c of next) {
        ordered.push(c);
        placed.add(c.sourceId);
      }
      remaining = remaining.filter((c) => !placed.has(c.sourceId));
    }
    return ordered;
  }
}

/**
 * The source id of an item: its wp:post_id; for exports written without one (hand-made or
 * by other tools), the WordPress id in its guid or link (`?p=19`, `?page_id=7`), else a stable
 * hash of its guid, link and title, so a re-import still finds it.
 */
export function itemSourceId(item: WxrNode): string {
  const postId = childText(item, 'wp', 'post_id')?.trim() ?? '';
  if (postId !== '') return postId;
  const guid = childText(item, 'rss', 'guid')?.trim() ?? '';
  const link = childText(item, 'rss', 'link')?.trim() ?? '';
  for (const address of [guid, link]) {
    const match = /[?&](?:p|page_id)=(\d{1,18})(?:&|#|$)/.exec(address);
    if (match?.[1] !== undefined) return match[1];
  }
  const title = childText(item, 'rss', 'title')?.trim() ?? '';
  if (guid === '' && link === '' && title === '') return '';
  return `h${createHash('sha256').update(`${guid}\n${link}\n${title}`).digest('hex').slice(0, 16)}`;
}
