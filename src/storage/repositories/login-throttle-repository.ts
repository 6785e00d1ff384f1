/** Failed login counters, in the database so every node sees the same count. */
import type { Selectable } from 'kysely';
import type { LoginThrottleTable } from '../schema.js';
import type { Executor } from './executor.js';

/** Reads and writes `login_throttle`. */
export class LoginThrottleRepository {
  constructor(private readonly db: Executor) {}

  /** The counters of several keys. */
  async find(keys: readonly string[]): Promise<Selectable<LoginThrottleTable>[]> {
    if (keys.length === 0) return [];
    return this.db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
  }

  /** Stores a key's counter (insert or replace). */
  async save(row: Selectable<LoginThrottleTable>): Promise<void> {
    await this.db
      .insertInto('login_throttle')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ failures: row.failures, locked_until: row.locked_until, updated_at: row.updated_at }))
      .execute();
  }

  /** Forgets a key (after a successful login). */
  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('key', '=', key).execute();
  }
}
