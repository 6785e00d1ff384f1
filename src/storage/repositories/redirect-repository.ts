/** Old paths that answer with a redirect to the current one. */
import type { RedirectRow } from '../schema.js';
import type { Executor } from './executor.js';

/** Reads and writes `redirects`. */
export class RedirectRepository {
  constructor(private readonly db: Executor) {}

  /** The redirect for a path, if any. */
  async find(fromPath: string): Promise<RedirectRow | undefined> {
    return this.db.selectFrom('redirects').selectAll().where('from_path', '=', fromPath).executeTakeFirst();
  }

  /** Stores a redirect as it is (restores); false when the path already redirects somewhere. */
  async insert(row: { from_path: string; to_path: string; status_code: number; created_at: number }): Promise<boolean> {
    const inserted = await this.db.insertInto('redirects').values(row).onConflict((oc) => oc.column('from_path').doNothing()).returning('id').executeTakeFirst();
    return inserted !== undefined;
  }

  /** How many redirects exist. */
  async count(): Promise<number> {
    const { n } = await this.db.selectFrom('redirects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Removes the redirect away from a path (it is live again). */
  async remove(fromPath: string): Promise<void> {
    await this.db.deleteFrom('redirects').where('from_path', '=', fromPath).execute();
  }

  /**
   * Records that `fromPath` moved to `toPath`: earlier redirects to `fromPath` are pointed at
   * `toPath` (no chains), and a redirect away from `toPath` is dropped (it is live again).
   */
  async moved(fromPath: string, toPath: string, now: number): Promise<void> {
    if (fromPath === toPath) return;
    await this.db.deleteFrom('redirects').where('from_path', '=', toPath).execute();
    await this.db.updateTable('redirects').set({ to_path: toPath }).where('to_path', '=', fromPath).execute();
    const existing = await this.find(fromPath);
    if (existing) {
      await this.db.updateTable('redirects').set({ to_path: toPath, status_code: 301 }).where('id', '=', existing.id).execute();
    } else {
      await this.db.insertInto('redirects').values({ from_path: fromPath, to_path: toPath, status_code: 301, created_at: now }).execute();
    }
  }
}
