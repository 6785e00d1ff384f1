/** Site settings as JSON values by key. */
import type { Executor } from './executor.js';

/** Reads and writes `settings`. */
export class SettingsRepository {
  constructor(private readonly db: Executor) {}

  /** The parsed value of a setting, or undefined. */
  async get<T>(key: string): Promise<T | undefined> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row === undefined ? undefined : (JSON.parse(row.value) as T);
  }

  /** Stores a setting (insert or replace). */
  async set(key: string, value: unknown, now: number): Promise<void> {
    const json = JSON.stringify(value);
    await this.db
      .insertInto('settings')
      .values({ key, value: json, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
      .execute();
  }

  /** Stores a setting only if it does not exist yet (the first writer wins). */
  async setIfAbsent(key: string, value: unknown, now: number): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
}
