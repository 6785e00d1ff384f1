/**
 * Opens the database named by the configuration: embedded SQLite (WAL, foreign keys on)
 * or PostgreSQL. Both speak the same Kysely queries.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type LogEvent, type MigrationProvider, type Migration, type SqliteDatabase } from 'kysely';
import type PgModule from 'pg';
import type { DatabaseConfig } from '../config.js';
import { DepecheError } from '../errors.js';
import { lazyModule } from '../lazy-module.js';
import { dialectOf, type DialectName } from './dialect.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';

/** An open database and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

/** Options of {@link openDatabase}. */
export interface OpenOptions {
  /** Called with the SQL of every query (used by tests that count queries). */
  onQuery?: (sql: string) => void;
  /** PostgreSQL schema to use instead of the default search path (tests isolate runs this way). */
  postgresSchema?: string;
  /** Largest number of pooled PostgreSQL connections. */
  poolSize?: number;
}

const PG_INT8_OID = 20;
/** The PostgreSQL client, loaded only when a PostgreSQL database is opened. */
const loadPg = lazyModule<typeof PgModule>('pg');

function logger(options: OpenOptions): ((event: LogEvent) => void) | undefined {
  const onQuery = options.onQuery;
  if (onQuery === undefined) return undefined;
  return (event) => {
    if (event.level === 'query') onQuery(event.query.sql);
  };
}

/**
 * better-sqlite3 prepares a statement on every call from Kysely; public pages run the same
 * dozen queries again and again, so prepared statements are kept by SQL text (bounded).
 */
function withStatementCache(sqlite: SQLite.Database, max = 1000): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  const optimizer = setInterval(() => optimizeSqlite(sqlite), SQLITE_OPTIMIZE_INTERVAL_MS);
  optimizer.unref();
  return {
    close: () => {
      clearInterval(optimizer);
      optimizeSqlite(sqlite);
      sqlite.close();
    },
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        // Listing queries vary with the number of ids; a full cache simply starts over.
        if (statements.size >= max) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** How often a long-running process refreshes SQLite's planner statistics (SQLite's advice: every few hours). */
const SQLITE_OPTIMIZE_INTERVAL_MS = 4 * 60 * 60 * 1000;

/**
 * Refreshes the planner statistics of tables that changed a lot (cheap when nothing did).
 * Without statistics SQLite guesses join orders and, on a large site, picked plans that scan
 * every published article. Best effort: a busy or read-only file keeps its old statistics.
 */
function optimizeSqlite(sqlite: SQLite.Database, flags = ''): void {
  try {
    if (sqlite.open) sqlite.pragma(`optimize${flags}`);
  } catch {
    // Statistics are an optimisation; never fail a start or a close over them.
  }
}

function openSqlite(filename: string, options: OpenOptions): DatabaseHandle {
  const inMemory = filename === ':memory:';
  const path = inMemory ? filename : resolve(filename);
  let sqlite: SQLite.Database;
  try {
    if (!inMemory) mkdirSync(dirname(path), { recursive: true });
    sqlite = new SQLite(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    // Probe a write now so an unwritable file fails at start, not on the first edit. In one
    // transaction: the workers of `serve --workers N` open the same file at the same moment.
    sqlite.exec('BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS depeche_probe (x INTEGER); DROP TABLE depeche_probe; COMMIT;');
    // Sampled statistics (analysis_limit) keep the first analysis of a 100,000-article file
    // near 0.2 s instead of ~0.9 s; 0x10002 also analyses tables that never had statistics.
    sqlite.pragma('analysis_limit = 400');
    optimizeSqlite(sqlite, ' = 0x10002');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DepecheError('DEPECHE_DB_NOT_WRITABLE', { path, detail }, { cause: error });
  }
  const log = logger(options);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), ...(log ? { log } : {}) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

async function openPostgres(connectionString: string, options: OpenOptions): Promise<DatabaseHandle> {
  const pg = loadPg();
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    // Instants are bigint milliseconds: read them back as numbers (safe up to year 285,616).
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    ...(options.postgresSchema ? { options: `-c search_path=${options.postgresSchema}` } : {}),
  });
  // A pool error on an idle client must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const detail = error instanceof Error ? error.message : String(error);
    throw new DepecheError('DEPECHE_DB_UNREACHABLE', { detail }, { cause: error });
  }
  const log = logger(options);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Opens (and for SQLite, creates) the configured database. */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<DatabaseHandle> {
  return config.kind === 'sqlite' ? openSqlite(config.filename, options) : openPostgres(config.connectionString, options);
}

const provider: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => MIGRATIONS,
};

/** Result of a migration run: the names applied now. */
export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date; safe to call at every start and from several processes. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  // On PostgreSQL, Kysely looks for its migration tables in every schema unless told which:
  // another schema's tables (another app, a parallel test) would be taken for ours.
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema;
  }
  // Features land from parallel branches, so a newer database may have a later migration
  // than one merged afterwards; each migration is independent, so order by name is enough.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (error === undefined) return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
    // Kysely's introspection looks every schema up by name: one dropped meanwhile by another
    // process (another app, parallel test suites) fails it. Not ours to fail on: look again.
    if (attempt < 5 && otherSchemaVanished(error, migrationTableSchema)) continue;
    const detail = error instanceof Error ? error.message : String(error);
    throw new DepecheError('DEPECHE_DB_UNREACHABLE', { detail: `migration failed: ${detail}` }, { cause: error });
  }
}

/** Whether a migration failed because some other schema than ours disappeared (PostgreSQL 3F000). */
function otherSchemaVanished(error: unknown, ours: string | undefined): boolean {
  if (!(error instanceof Error) || !('code' in error) || error.code !== '3F000') return false;
  return ours === undefined || !error.message.includes(`"${ours}"`);
}
