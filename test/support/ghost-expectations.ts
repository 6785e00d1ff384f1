/**
 * What a Ghost export file holds, computed straight from its JSON (independently of the
 * importer): the counts an import of it must report.
 */
import { readFileSync } from 'node:fs';

type Row = Record<string, unknown>;

/** The counts a Ghost file must import with. */
export interface GhostExpectation {
  articles: number;
  pages: number;
  /** Public tags (internal "#" tags are skipped). */
  tags: number;
  /** Distinct primary tags (first public tag of a post). */
  categories: number;
  /** User rows, and how many distinct emails among them (one account per email). */
  users: number;
  distinctEmails: number;
  /** Distinct feature images. */
  featureImages: number;
  /** Posts with no public tag (filed under the fallback category). */
  untagged: number;
  /** Non-empty tables the importer does not read. */
  skippedTables: string[];
  /** Old path → slug of each post, from Ghost's default /{slug}/ permalinks. */
  oldPaths: Array<{ path: string; slug: string; page: boolean }>;
  /** Public tag slugs of each post, in order. */
  tagsOfPost: Map<string, string[]>;
}

const READ = new Set(['posts', 'users', 'tags', 'posts_tags', 'posts_authors', 'posts_meta', 'roles', 'roles_users', 'settings']);
const MACHINERY = new Set(['permissions', 'permissions_users', 'permissions_roles', 'apps', 'app_settings']);

/** Reads a Ghost file and counts what it holds. */
export function ghostExpectation(path: string): GhostExpectation {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { db?: Array<{ data: Record<string, Row[]> }>; data?: Record<string, Row[]> };
  const data = (json.db ? json.db[0]!.data : json.data)!;
  const posts = data.posts ?? [];
  const isPage = (p: Row) => p.type === 'page' || p.page === 1 || p.page === true;
  const publicTags = (data.tags ?? []).filter((t) => !String(t.name).startsWith('#') && t.visibility !== 'internal');
  const tagById = new Map(publicTags.map((t) => [String(t.id), t]));
  const postIds = new Set(posts.map((p) => String(p.id)));
  const rows = (data.posts_tags ?? []).map((r, i) => ({ r, i })).filter(({ r }) => postIds.has(String(r.post_id)) && tagById.has(String(r.tag_id)));
  rows.sort((a, b) => (typeof a.r.sort_order === 'number' ? a.r.sort_order : 1e9) - (typeof b.r.sort_order === 'number' ? b.r.sort_order : 1e9) || a.i - b.i);
  const tagsOfPost = new Map<string, string[]>();
  for (const { r } of rows) {
    const list = tagsOfPost.get(String(r.post_id)) ?? [];
    const slug = String(tagById.get(String(r.tag_id))!.slug);
    if (!list.includes(slug)) list.push(slug);
    tagsOfPost.set(String(r.post_id), list);
  }
  const primaries = new Set([...tagsOfPost.values()].map((l) => l[0]));
  const users = data.users ?? [];
  const images = new Set(posts.map((p) => p.feature_image ?? p.image).filter((v): v is string => typeof v === 'string' && v !== ''));
  return {
    articles: posts.filter((p) => !isPage(p)).length,
    pages: posts.filter(isPage).length,
    tags: publicTags.length,
    categories: primaries.size,
    users: users.length,
    distinctEmails: new Set(users.map((u) => String(u.email).toLowerCase())).size,
    featureImages: images.size,
    untagged: posts.filter((p) => !isPage(p) && !tagsOfPost.has(String(p.id))).length,
    skippedTables: Object.entries(data)
      .filter(([name, list]) => !READ.has(name) && !MACHINERY.has(name) && Array.isArray(list) && list.length > 0)
      .map(([name]) => name),
    oldPaths: posts.map((p) => ({ path: `/${String(p.slug)}/`, slug: String(p.slug), page: isPage(p) })),
    tagsOfPost: new Map([...posts].map((p) => [String(p.slug), tagsOfPost.get(String(p.id)) ?? []])),
  };
}
