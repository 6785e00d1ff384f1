/**
 * Reader comments open to the public: moderation history, staff replies, the commenter's
 * cookie (hashed), duplicate detection, GDPR erasure.
 */
import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time, so they use an untyped database handle.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const instant = 'bigint';
  // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
  await db.schema.alterTable('comments').addColumn('previous_status', 'varchar(20)').execute();
  await db.schema.alterTable('comments').addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
  await db.schema.alterTable('comments').addColumn('author_token_hash', 'varchar(64)').execute();
  await db.schema.alterTable('comments').addColumn('body_hash', 'varchar(64)').execute();
  await db.schema.alterTable('comments').addColumn('dedupe_key', 'varchar(64)').execute();
  await db.schema.alterTable('comments').addColumn('erased_at', sql.raw(instant)).execute();
  // A replayed or double-clicked submission is stored once: the unique key is its proof.
  await db.schema.createIndex('comments_dedupe').on('comments').column('dedupe_key').unique().execute();
  await db.schema.createIndex('comments_body').on('comments').columns(['article_id', 'body_hash']).execute();
  await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const index of ['comments_dedupe', 'comments_body', 'comments_parent']) await db.schema.dropIndex(index).ifExists().execute();
  for (const column of ['erased_at', 'dedupe_key', 'body_hash', 'author_token_hash', 'user_id', 'previous_status']) {
    await db.schema.alterTable('comments').dropColumn(column).execute();
  }
}
