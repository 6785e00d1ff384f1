/**
 * The shape of a Ghost export, from Ghost 0.3 ("000") to Ghost 5: `{"db":[{meta,data}]}` or the
 * flat `{meta,data}`, `data` holding one array of rows per table. This module only unwraps and
 * checks the structure (refusing what is not a Ghost export); reading rows is the reader's job.
 */

/** A row of a Ghost table. */
export type GhostRow = Record<string, unknown>;

/** A Ghost export, unwrapped. */
export interface GhostExport {
  /** The Ghost (or database) version that wrote it: "000", "003", "1.8.1", "4.1.0"… */
  version: string;
  exportedOn: number | null;
  /** Every table of the file, by name. */
  tables: ReadonlyMap<string, readonly GhostRow[]>;
}

/** Why a file is not a Ghost export Dépêche can read. */
export class GhostExportProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GhostExportProblem';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The tables the importer reads; each must be a list of objects when present. */
export const GHOST_CONTENT_TABLES = ['posts', 'users', 'tags', 'posts_tags', 'posts_authors', 'posts_meta', 'roles', 'roles_users', 'settings'] as const;

/** Unwraps and checks a parsed Ghost export. */
export function readGhostExport(json: unknown): GhostExport {
  if (!isObject(json)) throw new GhostExportProblem('this is not a Ghost export (the file is not a JSON object)');
  let inner: unknown = json;
  if ('db' in json) {
    if (!Array.isArray(json.db) || json.db.length === 0) throw new GhostExportProblem('this is not a Ghost export ("db" must be a non-empty list)');
    if (json.db.length > 1) throw new GhostExportProblem(`this Ghost export holds ${json.db.length} databases; export one site at a time`);
    inner = json.db[0];
  }
  if (!isObject(inner) || !isObject(inner.meta) || !isObject(inner.data)) throw new GhostExportProblem('this is not a Ghost export (no "meta" and "data" objects)');
  const version = inner.meta.version;
  if (typeof version !== 'string' || version.trim() === '') throw new GhostExportProblem('this is not a Ghost export (meta.version is missing or not a string)');
  const exported = inner.meta.exported_on;
  const tables = new Map<string, readonly GhostRow[]>();
  for (const [name, rows] of Object.entries(inner.data)) {
    if (!Array.isArray(rows)) throw new GhostExportProblem(`data.${name.slice(0, 60)} must be a list of rows`);
    const known = (GHOST_CONTENT_TABLES as readonly string[]).includes(name);
    rows.forEach((row, i) => {
      if (known && !isObject(row)) throw new GhostExportProblem(`data.${name}[${i}] must be an object`);
    });
    tables.set(name, rows.filter(isObject));
  }
  if (!tables.has('posts')) throw new GhostExportProblem('this Ghost export has no posts table');
  return { version: version.trim(), exportedOn: typeof exported === 'number' ? exported : null, tables };
}

/** A Ghost id as a string (integers in 0.x exports, hex strings since 1.0); undefined when absent. */
export function ghostId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '' && value.length <= 64) return value.trim();
  return undefined;
}

/** A Ghost instant: milliseconds (0.x), ISO 8601 or "YYYY-MM-DD HH:MM:SS" (UTC); null when absent or unreadable. */
export function ghostDate(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const iso = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text.replace(' ', 'T')}Z` : text;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** The old address of a post under Ghost's permalink setting ("/:slug/", "/:year/:month/:day/:slug/", "/{slug}/"). */
export function ghostPermalink(pattern: string, post: { slug: string; id: string; publishedAt: number | null; primaryTag: string | null; primaryAuthor: string | null }): string {
  const date = new Date(post.publishedAt ?? 0);
  const values: Record<string, string> = {
    slug: post.slug,
    id: post.id,
    year: String(date.getUTCFullYear()),
    month: String(date.getUTCMonth() + 1).padStart(2, '0'),
    day: String(date.getUTCDate()).padStart(2, '0'),
    primary_tag: post.primaryTag ?? 'all',
    primary_author: post.primaryAuthor ?? 'all',
    author: post.primaryAuthor ?? 'all',
  };
  const path = pattern.replace(/(?::(\w+))|\{(\w+)\}/g, (whole, colon: string | undefined, brace: string | undefined) => values[colon ?? brace ?? ''] ?? whole);
  return path.startsWith('/') ? path : `/${path}`;
}
