/**
 * One parsed Ghost export turned into import records: authors, tags, categories (primary
 * tags), feature images, then posts and pages, with a notice for every row left out and why.
 */
import type { UserRole } from '../../domain/user.js';
import { ghostDate, ghostId, ghostPermalink, type GhostExport, type GhostRow } from '../../domain/import/ghost/ghost-export.js';
import { ConversionProblems } from '../../domain/import/ghost/html-out.js';
import { lexicalToHtml } from '../../domain/import/ghost/lexical-to-html.js';
import { markdownCard } from '../../domain/import/ghost/markdown-card.js';
import { mobiledocToHtml } from '../../domain/import/ghost/mobiledoc-to-html.js';
import type { ImportAttachment, ImportAuthor, ImportNotice, ImportPost, ImportPostStatus, ImportRecord, ImportTerm } from './import-model.js';

/** Tables read for content; the others are reported as skipped. */
const USED_TABLES = new Set(['posts', 'users', 'tags', 'posts_tags', 'posts_authors', 'posts_meta', 'roles', 'roles_users', 'settings']);
/** Tables of Ghost's own machinery, skipped without a word (nothing of the content is lost). */
const SILENT_TABLES = new Set(['permissions', 'permissions_users', 'permissions_roles', 'permissions_apps', 'migrations', 'migrations_lock', 'clients', 'client_trusted_domains', 'accesstokens', 'refreshtokens', 'invites', 'brute', 'sessions', 'api_keys', 'integrations', 'webhooks', 'actions', 'mobiledoc_revisions', 'post_revisions', 'snippets', 'custom_theme_settings', 'jobs', 'tokens', 'apps', 'app_settings', 'app_fields']);
const MEMBERSHIP = /member|stripe|product|subscri|newsletter|offer|tier|benefit|label|email|comment|feedback|redirect|mention|link|recommendation|donation/;

const ROLES: Record<string, UserRole> = { owner: 'administrator', administrator: 'administrator', editor: 'editor', author: 'author', contributor: 'contributor', 'super editor': 'editor' };

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function nullableText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function isPage(post: GhostRow): boolean {
  return post.type === 'page' || post.page === true || post.page === 1 || post.page === '1';
}

/** Sort order of a join row: its sort_order, else its place in the file (rows without one go last among equals). */
function sortKey(row: GhostRow, index: number): number {
  return typeof row.sort_order === 'number' ? row.sort_order * 1_000_000 + index : Number.MAX_SAFE_INTEGER / 2 + index;
}

/** Ghost's own placeholder for the site's address in stored content (Ghost 4+). */
const GHOST_URL = /__GHOST_URL__/g;

/** Turns one parsed export into records. */
export class GhostRecords {
  private readonly notices: ImportNotice[] = [];
  private readonly posts: GhostRow[];
  private readonly users = new Map<string, GhostRow>();
  private readonly tags = new Map<string, GhostRow>();
  private readonly internalTags = new Set<string>();
  private readonly postIds = new Set<string>();
  private readonly tagsOf = new Map<string, string[]>();
  private readonly authorsOf = new Map<string, string[]>();
  private readonly meta = new Map<string, GhostRow>();
  private readonly roleOf = new Map<string, UserRole>();
  private readonly permalinks: string;

  constructor(
    private readonly exported: GhostExport,
    private readonly baseUrl: string | null,
  ) {
    const table = (name: string) => exported.tables.get(name) ?? [];
    this.posts = [...table('posts')];
    for (const post of this.posts) {
      const id = ghostId(post.id);
      if (id !== undefined) this.postIds.add(id);
    }
    for (const user of table('users')) {
      const id = ghostId(user.id);
      if (id === undefined) this.notice('user', '?', 'a user without an id was skipped', true);
      else if (this.users.has(id)) this.notice('user', id, 'the same user id appears twice: the second row was skipped', true);
      else this.users.set(id, user);
    }
    for (const tag of table('tags')) {
      const id = ghostId(tag.id);
      if (id === undefined) {
        this.notice('tag', '?', 'a tag without an id was skipped', true);
      } else if (text(tag.name).startsWith('#') || tag.visibility === 'internal') {
        this.internalTags.add(id);
        this.notice('tag', id, `internal tag "${text(tag.name).slice(0, 60)}" skipped (Ghost's internal tags are for themes)`, true);
      } else if (this.tags.has(id)) {
        this.notice('tag', id, 'the same tag id appears twice: the second row was skipped', true);
      } else {
        this.tags.set(id, tag);
      }
    }
    this.tagsOf = this.joins(table('posts_tags'), 'tag_id', 'posts_tags', (id) => this.tags.has(id) || this.internalTags.has(id), 'tag');
    this.authorsOf = this.joins(table('posts_authors'), 'author_id', 'posts_authors', (id) => this.users.has(id), 'author');
    for (const row of table('posts_meta')) {
      const postId = ghostId(row.post_id);
      if (postId !== undefined) this.meta.set(postId, row);
    }
    const roleNames = new Map(table('roles').map((r) => [ghostId(r.id) ?? '', text(r.name).toLowerCase()]));
    for (const row of table('roles_users')) {
      const role = ROLES[roleNames.get(ghostId(row.role_id) ?? '') ?? ''];
      const user = ghostId(row.user_id);
      if (role && user !== undefined) this.roleOf.set(user, role);
    }
    const setting = table('settings').find((s) => s.key === 'permalinks');
    this.permalinks = nullableText(setting?.value) ?? '/:slug/';
    for (const [name, rows] of exported.tables) {
      if (USED_TABLES.has(name) || SILENT_TABLES.has(name) || rows.length === 0) continue;
      const why = MEMBERSHIP.test(name) ? 'membership, newsletter and paid-tier data is not imported' : 'this table is not imported';
      this.notice('table', name, `${rows.length} row(s) of "${name}" skipped: ${why}`, false);
    }
  }

  private notice(sourceKind: string, sourceId: string, reason: string, skipped: boolean): void {
    this.notices.push({ type: 'notice', sourceKind, sourceId, reason, skipped });
  }

  /**
   * A post's related ids from a join table, in sort order, without repeats; rows pointing at a
   * post or a target that is not in the file are reported and left out.
   */
  private joins(rows: readonly GhostRow[], targetKey: string, table: string, targetExists: (id: string) => boolean, what: string): Map<string, string[]> {
    const ordered = rows.map((row, index) => ({ row, key: sortKey(row, index) })).sort((a, b) => a.key - b.key);
    const byPost = new Map<string, string[]>();
    const seen = new Set<string>();
    for (const { row } of ordered) {
      const postId = ghostId(row.post_id);
      const targetId = ghostId(row[targetKey]);
      const rowId = ghostId(row.id) ?? `${String(row.post_id)}/${String(row[targetKey])}`;
      if (postId === undefined || targetId === undefined) {
        this.notice(table, rowId, `a ${table} row without a post or ${what} id was ignored`, false);
        continue;
      }
      if (!this.postIds.has(postId)) {
        this.notice(table, rowId, `row for post ${postId}, which is not in the file: ignored`, false);
        continue;
      }
      if (!targetExists(targetId)) {
        this.notice(table, rowId, `post ${postId} refers to ${what} ${targetId}, which is not in the file: ignored`, false);
        continue;
      }
      const pair = `${postId} ${targetId}`;
      if (seen.has(pair)) {
        this.notice(table, rowId, `${what} ${targetId} is linked to post ${postId} twice: counted once`, false);
        continue;
      }
      seen.add(pair);
      byPost.set(postId, [...(byPost.get(postId) ?? []), targetId]);
    }
    return byPost;
  }

  private url(value: string): string {
    return value.replace(GHOST_URL, this.baseUrl ?? '');
  }

  private publicTagsOf(postId: string): string[] {
    return (this.tagsOf.get(postId) ?? []).filter((id) => this.tags.has(id));
  }

  async *all(): AsyncIterable<ImportRecord> {
    for (const notice of this.notices) yield notice;
    for (const [id, user] of this.users) yield this.author(id, user);
    for (const [id, tag] of this.tags) yield this.term('tag', id, tag);
    // Categories: the tags that are some post's primary tag.
    const primaries = new Set<string>();
    for (const post of this.posts) {
      const id = ghostId(post.id);
      const primary = id === undefined ? undefined : this.publicTagsOf(id)[0];
      if (primary !== undefined) primaries.add(primary);
    }
    for (const id of primaries) yield this.term('category', id, this.tags.get(id)!);
    const images = new Set<string>();
    for (const post of this.posts) {
      const id = ghostId(post.id);
      const image = id === undefined ? null : this.featureImage(id, post);
      if (image && !images.has(image.sourceId)) {
        images.add(image.sourceId);
        yield image;
      }
    }
    const seen = new Set<string>();
    for (const [index, post] of this.posts.entries()) {
      const id = ghostId(post.id);
      if (id === undefined) {
        yield { type: 'notice', sourceKind: 'post', sourceId: `#${index + 1}`, reason: 'a post without an id was skipped', skipped: true };
        continue;
      }
      if (seen.has(id)) {
        yield { type: 'notice', sourceKind: 'post', sourceId: id, reason: 'the same post id appears twice: the second row was skipped', skipped: true };
        continue;
      }
      seen.add(id);
      yield* this.post(id, post);
    }
  }

  private author(id: string, user: GhostRow): ImportAuthor {
    // Only what a byline needs: never the password hash, tokens or last login.
    return {
      type: 'author',
      sourceId: id,
      login: text(user.slug) || text(user.name),
      email: nullableText(user.email),
      displayName: text(user.name),
      bio: text(user.bio),
      role: this.roleOf.get(id) ?? 'author',
    };
  }

  private term(taxonomy: 'tag' | 'category', id: string, tag: GhostRow): ImportTerm {
    return { type: 'term', taxonomy, sourceId: id, slug: text(tag.slug), name: text(tag.name) || text(tag.slug), description: text(tag.description), ...(taxonomy === 'category' ? { parentSourceId: null } : {}) };
  }

  private featureImage(id: string, post: GhostRow): ImportAttachment | null {
    const src = nullableText(post.feature_image) ?? nullableText(post.image);
    if (src === null) return null;
    const meta = this.meta.get(id);
    const url = this.url(src.trim());
    return {
      type: 'attachment',
      sourceId: url,
      url,
      alt: text(meta?.feature_image_alt ?? post.feature_image_alt),
      caption: text(meta?.feature_image_caption ?? post.feature_image_caption),
      title: '',
      parentSourceId: null,
    };
  }

  private body(post: GhostRow, problems: ConversionProblems): string {
    const html = nullableText(post.html);
    if (html !== null) return html;
    const lexical = nullableText(post.lexical);
    if (lexical !== null) {
      const converted = lexicalToHtml(lexical);
      converted.problems.forEach((p) => problems.add(p));
      return converted.html;
    }
    const mobiledoc = nullableText(post.mobiledoc);
    if (mobiledoc !== null) {
      const converted = mobiledocToHtml(mobiledoc);
      converted.problems.forEach((p) => problems.add(p));
      return converted.html;
    }
    const markdown = nullableText(post.markdown);
    return markdown === null ? '' : markdownCard(markdown, problems);
  }

  private *post(id: string, post: GhostRow): Iterable<ImportRecord> {
    const warn = (reason: string): ImportNotice => ({ type: 'notice', sourceKind: isPage(post) ? 'page' : 'post', sourceId: id, reason, skipped: false });
    const rawStatus = text(post.status);
    let status: ImportPostStatus;
    if (rawStatus === 'published' || rawStatus === 'draft' || rawStatus === 'scheduled') status = rawStatus;
    else if (rawStatus === 'sent') {
      status = 'private';
      yield warn('sent by email only (never on the web): imported as unpublished');
    } else {
      yield { type: 'notice', sourceKind: 'post', sourceId: id, reason: `unknown status "${rawStatus.slice(0, 40)}": skipped`, skipped: true };
      return;
    }
    const visibility = text(post.visibility);
    if (visibility !== '' && visibility !== 'public' && status === 'published') {
      // Dépêche has no paywall: members-only content must not become public by an import.
      status = 'private';
      yield warn(`visible to "${visibility}" only on Ghost: imported as unpublished (Dépêche has no members-only content)`);
    }
    const problems = new ConversionProblems();
    const html = this.url(this.body(post, problems));
    for (const problem of problems.list()) yield warn(`content: ${problem}`);
    const meta = this.meta.get(id);
    const field = (name: string) => nullableText(meta?.[name]) ?? nullableText(post[name]);
    let authors = this.authorsOf.get(id) ?? [];
    if (authors.length === 0) {
      const single = ghostId(post.author_id);
      if (single !== undefined && this.users.has(single)) authors = [single];
      else if (single !== undefined) yield warn(`author ${single} is not in the file`);
    }
    const tags = this.publicTagsOf(id);
    const slug = text(post.slug);
    const publishedAt = ghostDate(post.published_at);
    const primaryTag = tags[0] === undefined ? null : text(this.tags.get(tags[0])?.slug);
    const primaryAuthor = authors[0] === undefined ? null : text(this.users.get(authors[0])?.slug);
    const image = this.featureImage(id, post);
    const record: ImportPost = {
      type: 'post',
      kind: isPage(post) ? 'page' : 'article',
      sourceId: id,
      title: text(post.title),
      slug,
      status,
      publishedAt: status === 'draft' ? null : publishedAt,
      authorSourceIds: authors,
      categorySourceIds: tags.slice(0, 1),
      tagSourceIds: tags,
      excerpt: text(post.custom_excerpt) || text(meta?.custom_excerpt),
      content: { format: 'html', html },
      featuredImageSourceId: image?.sourceId ?? null,
      seoTitle: field('meta_title') ?? field('og_title') ?? field('twitter_title'),
      seoDescription: field('meta_description') ?? field('og_description') ?? field('twitter_description'),
      // Ghost serves pages at /{slug}/ and posts under the permalink setting (/{slug}/ by default).
      oldUrls: slug === '' ? [] : [isPage(post) ? `/${slug}/` : ghostPermalink(this.permalinks, { slug, id, publishedAt, primaryTag, primaryAuthor })],
      commentsOpen: true,
    };
    yield record;
  }
}
