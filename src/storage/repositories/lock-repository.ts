/**
 * Jobs that one process at a time may run, across every node sharing the database (the
 * scheduler's passes). On PostgreSQL, a transaction-scoped advisory lock: released when the job
 * ends, or when its connection dies with the process, so a crash never leaves it held. SQLite
 * serves one host, where its single writer already serialises the writes.
 */
import { sql } from 'kysely';
import { dialectOf } from '../dialect.js';
import type { Executor } from './executor.js';

/** First key of Dépêche's advisory locks ("DEPE"), so they do not meet other applications'. */
const LOCK_SPACE = 0x44455045;

/** What {@link LockRepository.runAlone} did. */
export type LockedRun<T> = { ran: true; value: T } | { ran: false };

/** Runs jobs under database locks. */
export class LockRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Runs `work` unless another process is running the job `job` now (then returns at once
   * with `ran: false`: the caller tries again on its next turn, it never waits). The lock is
   * per schema, so several sites (or test runs) in one PostgreSQL database do not meet.
   */
  async runAlone<T>(job: string, work: () => Promise<T>): Promise<LockedRun<T>> {
    if (dialectOf(this.db) !== 'postgres' || this.db.isTransaction) return { ran: true, value: await work() };
    return this.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${LOCK_SPACE}, hashtext(current_schema() || ':' || ${job})) as locked`.execute(trx);
      if (rows[0]?.locked !== true) return { ran: false } as const;
      // The lock's transaction stays open (idle) while the job does its writes through the pool.
      return { ran: true, value: await work() } as const;
    });
  }
}
