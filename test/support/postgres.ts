/**
 * The PostgreSQL server of the test run. In CI it is mandatory (a missing server fails the
 * run); elsewhere the PostgreSQL half of the suite skips with a visible message.
 */
import pg from 'pg';

/** Where tests find PostgreSQL (TEST_POSTGRES_URL overrides). */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether the run is in CI, where every database must be tested. */
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** Whether a PostgreSQL server answers. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs SQL as an administrator of the test database (creating and dropping schemas). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
