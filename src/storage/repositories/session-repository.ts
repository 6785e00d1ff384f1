/** Staff sessions and password reset tokens, stored by hash so that several nodes share them. */
import type { Insertable } from 'kysely';
import type { SessionRow, SessionsTable } from '../schema.js';
import type { Executor } from './executor.js';

/** Reads and writes `sessions` and `password_reset_tokens`. */
export class SessionRepository {
  constructor(private readonly db: Executor) {}

  /** Records a new session. */
  async insert(row: Insertable<SessionsTable>): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  /** The live session with this id hash. */
  async findLive(idHash: string, now: number): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).where('expires_at', '>', now).executeTakeFirst();
  }

  /** Pushes back the expiry of a session that is being used. */
  async touch(idHash: string, lastSeenAt: number, expiresAt: number): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
  }

  /** Ends one session. */
  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  /** Ends every session of a user but one (e.g. after a password change). */
  async deleteForUser(userId: number, exceptIdHash?: string): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptIdHash !== undefined) query = query.where('id_hash', '!=', exceptIdHash);
    await query.execute();
  }

  /** Forgets expired sessions. */
  async deleteExpired(now: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }

  /** Records a password reset token (only its hash). */
  async insertResetToken(tokenHash: string, userId: number, now: number, expiresAt: number): Promise<void> {
    await this.db.insertInto('password_reset_tokens').values({ token_hash: tokenHash, user_id: userId, created_at: now, expires_at: expiresAt, used_at: null }).execute();
  }

  /**
   * Uses a reset token once: marks it used only if it is unused and unexpired, and says
   * whose it was. The conditional update is the claim, so a token cannot be used twice.
   */
  async consumeResetToken(tokenHash: string, now: number): Promise<number | undefined> {
    const row = await this.db.selectFrom('password_reset_tokens').select(['user_id']).where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
    if (!row) return undefined;
    const result = await this.db.updateTable('password_reset_tokens').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? row.user_id : undefined;
  }
}
