/**
 * What Dépêche is compared with, on the same articles. These are evaluation tools, not app
 * code: they run their own SQL on purpose, the way the other products do.
 * - WordPress: its search is `LIKE '%term%'` on title, excerpt and content for every term,
 *   ordered by "title has the whole query", "title has all terms", … then date. MySQL's usual
 *   collation (utf8mb4_unicode_ci) ignores case and accents, so the texts and terms are folded.
 * - PostgreSQL's own French search: `french` configuration with `unaccent`, tsvector weighted
 *   A title, B dek, C body, `websearch_to_tsquery` (quotes and -exclusions), `ts_rank_cd`.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { foldText } from '../../src/domain/text/fold.js';
import { FRENCH_STOP_WORDS } from '../../src/domain/text/french-stop-words.js';

/** An article as the baselines see it. */
export interface PlainArticle {
  slug: string;
  title: string;
  dek: string;
  body: string;
  publishedAt: number;
}

/** A search system under evaluation: a query in, slugs out (best first). */
export type Ranker = (q: string) => Promise<string[]>;

/** WordPress's search, on SQLite. */
export class LikeBaseline {
  private readonly db = new Database(':memory:');

  constructor(articles: readonly PlainArticle[]) {
    this.db.exec('create table posts (slug text, title text, excerpt text, content text, published_at integer)');
    const insert = this.db.prepare('insert into posts values (?, ?, ?, ?, ?)');
    for (const a of articles) insert.run(a.slug, foldText(a.title), foldText(a.dek), foldText(a.body), a.publishedAt);
  }

  /** WP_Query::parse_search: quoted phrases, words, -exclusions; stop words and single letters dropped. */
  private terms(q: string): { include: string[]; exclude: string[]; full: string } {
    const include: string[] = [];
    const exclude: string[] = [];
    for (const m of foldText(q).matchAll(/-?"[^"]*"?|[^\s",+]+/g)) {
      let term = m[0];
      const negative = term.startsWith('-') && term.length > 1;
      if (negative) term = term.slice(1);
      term = term.replace(/^"|"$/g, '').trim();
      if (term === '' || (term.length === 1 && /^[a-z-]$/.test(term)) || FRENCH_STOP_WORDS.has(term)) continue;
      (negative ? exclude : include).push(term);
    }
    return { include, exclude, full: foldText(q).replace(/"/g, '').trim() };
  }

  readonly search: Ranker = async (q) => {
    const { include, exclude, full } = this.terms(q);
    if (include.length === 0) return [];
    const like = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const where: string[] = [];
    const params: string[] = [];
    for (const t of include) {
      where.push("(title like ? escape '\\' or excerpt like ? escape '\\' or content like ? escape '\\')");
      params.push(like(t), like(t), like(t));
    }
    for (const t of exclude) {
      where.push("(title not like ? escape '\\' and excerpt not like ? escape '\\' and content not like ? escape '\\')");
      params.push(like(t), like(t), like(t));
    }
    const all = include.map(() => "title like ? escape '\\'").join(' and ');
    const any = include.map(() => "title like ? escape '\\'").join(' or ');
    const order =
      include.length > 1
        ? `case when title like ? escape '\\' then 1 when ${all} then 2 when ${any} then 3 when excerpt like ? escape '\\' then 4 when content like ? escape '\\' then 5 else 6 end`
        : `case when title like ? escape '\\' then 1 when excerpt like ? escape '\\' then 4 when content like ? escape '\\' then 5 else 6 end`;
    const orderParams = include.length > 1 ? [like(full), ...include.map(like), ...include.map(like), like(full), like(full)] : [like(full), like(full), like(full)];
    const rows = this.db.prepare(`select slug from posts where ${where.join(' and ')} order by ${order}, published_at desc limit 10`).all(...params, ...orderParams) as { slug: string }[];
    return rows.map((r) => r.slug);
  };

  close(): void {
    this.db.close();
  }
}

/** PostgreSQL's French full-text search, in a schema of its own. */
export class PostgresFrenchBaseline {
  private constructor(
    private readonly client: pg.Client,
    private readonly schema: string,
  ) {}

  /** Creates the schema, the `unaccent` configuration and the weighted tsvectors. */
  static async create(connectionString: string, schema: string, articles: readonly PlainArticle[]): Promise<PostgresFrenchBaseline> {
    const client = new pg.Client({ connectionString });
    await client.connect();
    await client.query('create extension if not exists unaccent');
    await client.query(`create schema ${schema}`);
    await client.query(`create text search configuration ${schema}.fr_unaccent (copy = pg_catalog.french)`);
    await client.query(`alter text search configuration ${schema}.fr_unaccent alter mapping for hword, hword_part, word with unaccent, french_stem`);
    await client.query(`create table ${schema}.posts (slug text primary key, published_at bigint, vector tsvector)`);
    const cfg = `${schema}.fr_unaccent`;
    for (const a of articles) {
      await client.query(
        `insert into ${schema}.posts values ($1, $2, setweight(to_tsvector('${cfg}', $3), 'A') || setweight(to_tsvector('${cfg}', $4), 'B') || setweight(to_tsvector('${cfg}', $5), 'C'))`,
        [a.slug, a.publishedAt, a.title, a.dek, a.body],
      );
    }
    await client.query(`create index on ${schema}.posts using gin (vector)`);
    return new PostgresFrenchBaseline(client, schema);
  }

  readonly search: Ranker = async (q) => {
    const cfg = `${this.schema}.fr_unaccent`;
    const result = await this.client.query<{ slug: string }>(
      `select slug from ${this.schema}.posts, websearch_to_tsquery('${cfg}', $1) query where vector @@ query order by ts_rank_cd(vector, query) desc, published_at desc limit 10`,
      [q],
    );
    return result.rows.map((r) => r.slug);
  };

  async close(): Promise<void> {
    await this.client.query(`drop schema if exists ${this.schema} cascade`);
    await this.client.end();
  }
}
