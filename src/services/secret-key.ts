/**
 * The server secret that keys comment form tokens, IP hashes and avatar colours. It comes
 * from SECRET_KEY, or is generated once and kept in the settings table so that every app
 * node sharing the database uses the same one. It is never logged nor shown.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Repositories } from '../storage/repositories/index.js';
import type { Clock } from './clock.js';

/** Settings key of the generated secret. */
export const SECRET_SETTING_KEY = 'security.secret_key';

/** What a derived key is used for: one key per purpose, so no value can be replayed across them. */
export type KeyPurpose = 'comment-form' | 'ip-hash' | 'avatar' | 'commenter-cookie';

/** Resolves the secret once per process and derives one key per purpose from it. */
export class SecretKeys {
  private master: Promise<Buffer> | undefined;

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly configured: string | null,
  ) {}

  /** The key for a purpose. */
  async key(purpose: KeyPurpose): Promise<Buffer> {
    this.master ??= this.resolve().catch((error: unknown) => {
      this.master = undefined;
      throw error;
    });
    return createHmac('sha256', await this.master).update(`depeche:${purpose}`).digest();
  }

  private async resolve(): Promise<Buffer> {
    if (this.configured !== null) return Buffer.from(this.configured, 'utf8');
    const existing = await this.repos.settings.get<string>(SECRET_SETTING_KEY);
    if (typeof existing === 'string' && existing.length >= 32) return Buffer.from(existing, 'utf8');
    // Two nodes starting together: the first insert wins and both read the winner back.
    await this.repos.settings.setIfAbsent(SECRET_SETTING_KEY, randomBytes(32).toString('hex'), this.clock.now());
    const stored = await this.repos.settings.get<string>(SECRET_SETTING_KEY);
    if (typeof stored !== 'string') throw new Error('the server secret could not be stored');
    return Buffer.from(stored, 'utf8');
  }
}

/** A keyed hash as hex (for IP addresses: the address cannot be recovered without the key). */
export function keyedHash(key: Buffer, value: string, length = 32): string {
  return createHmac('sha256', key).update(value).digest('hex').slice(0, length);
}
