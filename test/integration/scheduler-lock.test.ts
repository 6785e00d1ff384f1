/**
 * The database lock around a scheduler pass: on PostgreSQL one process at a time works a pass
 * (the others skip their turn instead of racing for the same rows), per schema; on SQLite every
 * pass runs (one writer per file already). The conditional claim stays what publishes once:
 * workflow.test.ts runs two schedulers at the same instant.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRepositories } from '../../src/storage/repositories/index.js';
import { openDatabase, type DatabaseHandle } from '../../src/storage/db.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';

describeEachDatabase('scheduler lock', (dialect) => {
  let db: TestDatabase;
  let otherProcess: DatabaseHandle;
  let otherSite: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    // Another process: its own connections to the same database.
    otherProcess = dialect === 'postgres' ? await openDatabase(db.config, { poolSize: 3 }) : db;
    otherSite = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    if (otherProcess !== db) await otherProcess?.close();
    await otherSite?.destroy();
    await db?.destroy();
  });

  /** Runs a job that holds the lock until `release` is called. */
  function holdLock(handle: { db: TestDatabase['db'] }): { started: Promise<void>; release(): void; done: Promise<unknown> } {
    let release!: () => void;
    let started!: () => void;
    const startedPromise = new Promise<void>((resolve) => (started = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const done = createRepositories(handle.db).locks.runAlone('scheduler', async () => {
      started();
      await released;
      return 'first';
    });
    return { started: startedPromise, release, done };
  }

  it(dialect === 'postgres' ? 'lets one process work a pass while another skips its turn' : 'runs every pass (SQLite serialises writes itself)', async () => {
    const first = holdLock(db);
    await first.started;
    const second = await createRepositories(otherProcess.db).locks.runAlone('scheduler', async () => 'second');
    expect(second).toEqual(dialect === 'postgres' ? { ran: false } : { ran: true, value: 'second' });
    first.release();
    expect(await first.done).toEqual({ ran: true, value: 'first' });
    // Released with its transaction: the next turn runs.
    expect(await createRepositories(otherProcess.db).locks.runAlone('scheduler', async () => 'third')).toEqual({ ran: true, value: 'third' });
  });

  it('does not hold back another site’s scheduler (another schema)', async () => {
    const first = holdLock(db);
    await first.started;
    try {
      expect(await createRepositories(otherSite.db).locks.runAlone('scheduler', async () => 'other site')).toEqual({ ran: true, value: 'other site' });
    } finally {
      first.release();
      await first.done;
    }
  });

  it('releases the lock when the job fails', async () => {
    await expect(createRepositories(db.db).locks.runAlone('scheduler', async () => Promise.reject(new Error('panne')))).rejects.toThrow('panne');
    expect(await createRepositories(otherProcess.db).locks.runAlone('scheduler', async () => 'after')).toEqual({ ran: true, value: 'after' });
  });
});
