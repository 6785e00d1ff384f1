/**
 * Full-text search and "Vous aimerez aussi". Both databases index the same analysed terms
 * (see src/storage/search/search-index.ts): SQLite in an FTS5 table, PostgreSQL in a
 * tsvector column with a GIN index. The vocabulary of written forms (typo tolerance,
 * prefixes, accent-less look-ups) and the related lists are plain tables on both.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

// Migrations are frozen in time, so they use an untyped database handle.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const instant = 'bigint';
  // Prefix ranges (form >= 'elect' and form < 'elecu') need byte order, not a locale's collation.
  const word = postgres ? sql.raw('varchar(64) collate "C"') : sql.raw('varchar(64)');

  let documents = db.schema
    .createTable('search_documents')
    // No foreign key: when an article is deleted, the search listener (same transaction) reads
    // this row's vocabulary to take it back, then removes the row; a cascade would come first.
    .addColumn('article_id', 'integer', (c) => c.primaryKey())
    .addColumn('published_at', sql.raw(instant), (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    // The article's distinct (form, term) pairs, so that a re-index or removal can take them
    // back out of the vocabulary's counts exactly.
    .addColumn('forms', 'text', (c) => c.notNull())
    .addColumn('indexed_at', sql.raw(instant), (c) => c.notNull());
  if (postgres) documents = documents.addColumn('vector', sql.raw('tsvector'), (c) => c.notNull());
  await documents.execute();
  await db.schema.createIndex('search_documents_published').on('search_documents').columns(['published_at', 'article_id']).execute();
  if (postgres) {
    await sql`create index search_documents_vector on search_documents using gin (vector)`.execute(db);
  } else {
    // The table keeps its terms (not contentless): deleting a row then updates BM25's statistics
    // exactly, which contentless_delete tables do not (measured: scores drift after deletes).
    await sql`create virtual table search_fts using fts5(title, dek, body, tags, tokenize='ascii', detail=full)`.execute(db);
  }

  await db.schema
    .createTable('search_terms')
    .addColumn('form', word, (c) => c.notNull())
    .addColumn('term', word, (c) => c.notNull())
    .addColumn('head', word, (c) => c.notNull())
    .addColumn('tail', word, (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    .addColumn('doc_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_terms_pk', ['form', 'term'])
    .execute();
  await db.schema.createIndex('search_terms_term').on('search_terms').column('term').execute();
  // Typo tolerance reads candidates by their first two letters or their last three, within a
  // window of lengths: two index ranges, never the whole vocabulary.
  await db.schema.createIndex('search_terms_head').on('search_terms').columns(['head', 'length']).execute();
  await db.schema.createIndex('search_terms_tail').on('search_terms').columns(['tail', 'length']).execute();

  await db.schema
    .createTable('related_articles')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('related_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('computed_at', sql.raw(instant), (c) => c.notNull())
    .addPrimaryKeyConstraint('related_articles_pk', ['article_id', 'related_id'])
    .execute();
  await db.schema.createIndex('related_articles_reverse').on('related_articles').columns(['related_id', 'article_id']).execute();

  await db.schema
    .createTable('related_overrides')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('related_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', sql.raw(instant), (c) => c.notNull())
    .addPrimaryKeyConstraint('related_overrides_pk', ['article_id', 'related_id'])
    .execute();
  await db.schema.createIndex('related_overrides_reverse').on('related_overrides').column('related_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['related_overrides', 'related_articles', 'search_terms', 'search_documents']) await db.schema.dropTable(table).ifExists().execute();
  if (dialectOf(db) === 'sqlite') await sql`drop table if exists search_fts`.execute(db);
}
