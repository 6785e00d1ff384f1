import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

const TABLES = ['users', 'categories', 'tags', 'media', 'articles', 'article_authors', 'article_tags', 'article_categories', 'comments', 'revisions', 'redirects', 'settings'];

describeEachDatabase('migrations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.destroy());

  it('creates every table from an empty database', async () => {
    const tables = (await db.db.introspection.getTables()).map((t) => t.name);
    for (const table of TABLES) expect(tables).toContain(table);
  });

  it('is a no-op when run again', async () => {
    expect(await migrateToLatest(db.db)).toEqual({ applied: [] });
    expect(Object.keys(MIGRATIONS).length).toBeGreaterThan(0);
  });

  it('has the ordered listing indexes', async () => {
    const articles = (await db.db.introspection.getTables()).find((t) => t.name === 'article_tags');
    expect(articles?.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['tag_id', 'status', 'published_at', 'article_id']));
  });

  it('enforces foreign keys', async () => {
    await expect(
      db.db.insertInto('article_tags').values({ article_id: 999_999, tag_id: 999_999, position: 0, status: 'draft', published_at: null }).execute(),
    ).rejects.toThrow();
  });
});

describe('schema is the same on both databases', () => {
  it('lists the same tables', () => {
    expect(TABLES.length).toBe(12);
  });
});
