/**
 * Runs a suite on every database: SQLite always, PostgreSQL when it answers (always in CI).
 * Each suite gets a fresh, migrated database: a temporary SQLite file or its own
 * PostgreSQL schema, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, inject } from 'vitest';
import type { DatabaseConfig } from '../../src/config.js';
import type { DialectName } from '../../src/storage/dialect.js';
import { migrateToLatest, openDatabase, type DatabaseHandle, type OpenOptions } from '../../src/storage/db.js';
import { adminQuery, TEST_POSTGRES_URL } from './postgres.js';

/** A fresh database for one suite. */
export interface TestDatabase extends DatabaseHandle {
  /** Config that opens this same database again (e.g. for a child process). */
  config: DatabaseConfig;
  /** The PostgreSQL schema, when PostgreSQL. */
  schema?: string;
  /** Closes and deletes the database. */
  destroy(): Promise<void>;
}

/** Opens a fresh, migrated database of the given dialect. */
export async function createTestDatabase(dialect: DialectName, options: OpenOptions = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'depeche-test-'));
    const config: DatabaseConfig = { kind: 'sqlite', filename: join(dir, 'test.db') };
    const handle = await openDatabase(config, options);
    await migrateToLatest(handle.db);
    return {
      ...handle,
      config,
      async destroy() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create schema ${schema}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const config: DatabaseConfig = { kind: 'postgres', connectionString: url.href };
  const handle = await openDatabase({ kind: 'postgres', connectionString: TEST_POSTGRES_URL }, { ...options, postgresSchema: schema, poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    config,
    schema,
    async destroy() {
      await handle.close();
      await adminQuery(`drop schema if exists ${schema} cascade`);
    },
  };
}

/** The dialects this run tests. */
export function testedDialects(): DialectName[] {
  return inject('postgres') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Declares the same suite once per database. */
export function describeEachDatabase(name: string, suite: (dialect: DialectName) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    if (!testedDialects().includes(dialect)) {
      describe.skip(`${name} [${dialect}: no server, skipped]`, () => suite(dialect));
      continue;
    }
    describe(`${name} [${dialect}]`, () => suite(dialect));
  }
}
