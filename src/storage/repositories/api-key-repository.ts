/** Per-user API keys for scripts; only the SHA-256 of a key is stored. */
import type { ApiKeyRow } from '../schema.js';
import type { Executor } from './executor.js';

/** Reads and writes `api_keys`. */
export class ApiKeyRepository {
  constructor(private readonly db: Executor) {}

  /** Records a key and returns its id. */
  async insert(row: { user_id: number; name: string; prefix: string; key_hash: string; created_at: number }): Promise<number> {
    const { id } = await this.db.insertInto('api_keys').values({ ...row, last_used_at: null, revoked_at: null }).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** The unrevoked key with this hash. */
  async findActiveByHash(keyHash: string): Promise<ApiKeyRow | undefined> {
    return this.db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();
  }

  /** A user's unrevoked keys, newest first. */
  async listActiveFor(userId: number): Promise<ApiKeyRow[]> {
    return this.db.selectFrom('api_keys').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('id', 'desc').execute();
  }

  /** Revokes a key of this user; false when there was none. */
  async revoke(id: number, userId: number, now: number): Promise<boolean> {
    const result = await this.db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Notes when a key was last used. */
  async markUsed(id: number, now: number): Promise<void> {
    await this.db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
  }
}
