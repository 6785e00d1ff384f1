/**
 * Staff authentication: login with throttling, database sessions (so several nodes share
 * them), password change and reset by one-time token, and per-user API keys for scripts.
 * Secrets (session ids, reset tokens, API keys) are random, shown once, stored hashed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ACCOUNT_RULE, afterFailure, IP_RULE, waitFor, type ThrottleRule, type ThrottleState } from '../domain/login-throttle.js';
import type { Actor } from '../domain/policies.js';
import { isUserRole, type UserRole } from '../domain/user.js';
import { DepecheError } from '../errors.js';
import type { Repositories } from '../storage/repositories/index.js';
import type { ApiKeyRow, UserRow } from '../storage/schema.js';
import type { ServiceContext } from './context.js';
import { hashPassword, verifyPassword } from './password.js';
import { MIN_PASSWORD_LENGTH } from './user-service.js';

/** A session stays alive this long after its last use… */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
/** …and never longer than this after login. */
export const SESSION_MAX_MS = 14 * 24 * 60 * 60_000;
/** Sliding expiry is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;
/** A reset token is valid for one hour. */
export const RESET_TOKEN_MS = 60 * 60_000;
/** API keys start with this, so leaked ones are easy to recognise. */
export const API_KEY_PREFIX = 'dpk_';

/** The logged-in user as the newsroom needs it. */
export interface StaffUser extends Actor {
  email: string;
  name: string;
  slug: string;
}

/** A live session. */
export interface StaffSession {
  user: StaffUser;
  idHash: string;
  csrfSecret: string;
  expiresAt: number;
}

/** An API key as listed (never its secret). */
export interface ApiKeyInfo {
  id: number;
  name: string;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** SHA-256 of a secret, hex: how sessions, tokens and keys are looked up. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function staffUser(row: UserRow): StaffUser | undefined {
  if (!isUserRole(row.role)) return undefined;
  return { id: row.id, role: row.role as UserRole, email: row.email, name: row.display_name, slug: row.slug };
}

function apiKeyInfo(row: ApiKeyRow): ApiKeyInfo {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.created_at, lastUsedAt: row.last_used_at };
}

/** A hash to verify against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;

/** Logs staff in and out, and checks sessions and API keys. */
export class AuthService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Checks an email and password. Throttled per account and per IP: a locked key answers
   * 429 without even looking at the password. A new session id every time (no fixation).
   */
  async login(email: string, password: string, ip: string): Promise<{ sessionId: string; session: StaffSession }> {
    const now = this.ctx.clock.now();
    const normalised = email.trim().toLowerCase();
    const keys: Array<[string, ThrottleRule]> = [
      [`account:${normalised}`, ACCOUNT_RULE],
      [`ip:${ip}`, IP_RULE],
    ];
    const repos = this.ctx.repos;
    const states = new Map((await repos.loginThrottle.find(keys.map(([k]) => k))).map((r) => [r.key, { failures: r.failures, lockedUntil: r.locked_until, updatedAt: r.updated_at }]));
    const wait = Math.max(...keys.map(([k]) => waitFor(states.get(k), now)));
    if (wait > 0) throw new DepecheError('DEPECHE_TOO_MANY_ATTEMPTS', { seconds: Math.ceil(wait / 1000) });

    const row = await repos.users.findByEmail(normalised);
    const user = row ? staffUser(row) : undefined;
    const hash = row?.password_hash ?? (await (dummyHash ??= hashPassword(randomBytes(16).toString('hex'))));
    const ok = (await verifyPassword(password, hash)) && row?.password_hash != null && user !== undefined;
    if (!ok || user === undefined) {
      await this.recordFailure(keys, states, now);
      throw new DepecheError('DEPECHE_LOGIN_FAILED');
    }
    await repos.loginThrottle.clear(`account:${normalised}`);
    return this.openSession(user, now);
  }

  private async recordFailure(keys: Array<[string, ThrottleRule]>, states: Map<string, ThrottleState>, now: number): Promise<void> {
    for (const [key, rule] of keys) {
      const next = afterFailure(states.get(key), rule, now);
      await this.ctx.repos.loginThrottle.save({ key, failures: next.failures, locked_until: next.lockedUntil, updated_at: next.updatedAt });
    }
  }

  private async openSession(user: StaffUser, now: number): Promise<{ sessionId: string; session: StaffSession }> {
    const sessionId = randomBytes(32).toString('base64url');
    const idHash = hashSecret(sessionId);
    const csrfSecret = randomBytes(18).toString('base64');
    const expiresAt = now + SESSION_IDLE_MS;
    await this.ctx.repos.sessions.insert({ id_hash: idHash, user_id: user.id, csrf_secret: csrfSecret, created_at: now, last_seen_at: now, expires_at: expiresAt });
    // Expired sessions are swept at logins: no timer, no process-local state.
    await this.ctx.repos.sessions.deleteExpired(now);
    return { sessionId, session: { user, idHash, csrfSecret, expiresAt } };
  }

  /** The live session behind a cookie value, its expiry pushed back (sliding, capped). */
  async sessionFor(sessionId: string): Promise<StaffSession | undefined> {
    if (sessionId.length < 20 || sessionId.length > 100) return undefined;
    const now = this.ctx.clock.now();
    const idHash = hashSecret(sessionId);
    const row = await this.ctx.repos.sessions.findLive(idHash, now);
    if (!row) return undefined;
    const userRow = await this.ctx.repos.users.findById(row.user_id);
    const user = userRow && userRow.password_hash !== null ? staffUser(userRow) : undefined;
    if (!user) return undefined;
    let expiresAt = row.expires_at;
    if (now - row.last_seen_at > TOUCH_EVERY_MS) {
      expiresAt = Math.min(now + SESSION_IDLE_MS, row.created_at + SESSION_MAX_MS);
      await this.ctx.repos.sessions.touch(idHash, now, expiresAt);
    }
    return { user, idHash, csrfSecret: row.csrf_secret, expiresAt };
  }

  /** Ends a session. */
  async logout(idHash: string): Promise<void> {
    await this.ctx.repos.sessions.delete(idHash);
  }

  /** Changes one's password; every other session of the account ends. */
  async changePassword(session: StaffSession | undefined, userId: number, currentPassword: string, newPassword: string): Promise<void> {
    const row = await this.ctx.repos.users.findById(userId);
    if (!row || row.password_hash === null || !(await verifyPassword(currentPassword, row.password_hash))) throw new DepecheError('DEPECHE_WRONG_PASSWORD');
    await this.setPassword(this.ctx.repos, userId, newPassword, session?.idHash);
  }

  private async setPassword(repos: Repositories, userId: number, newPassword: string, keepSession?: string): Promise<void> {
    if (newPassword.length < MIN_PASSWORD_LENGTH) throw new DepecheError('DEPECHE_VALIDATION', { detail: `le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères` });
    if (newPassword.length > 1000) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'le mot de passe est trop long' });
    const hash = await hashPassword(newPassword);
    await repos.users.update(userId, { password_hash: hash, updated_at: this.ctx.clock.now() });
    await repos.sessions.deleteForUser(userId, keepSession);
  }

  /** A one-time password reset token for an account (printed by the CLI; mail comes later). */
  async createResetToken(email: string): Promise<{ token: string; expiresAt: number }> {
    const row = await this.ctx.repos.users.findByEmail(email.trim());
    if (!row) throw new DepecheError('DEPECHE_UNKNOWN_REFERENCE', { kind: 'account', ref: email });
    const token = randomBytes(24).toString('base64url');
    const now = this.ctx.clock.now();
    await this.ctx.repos.sessions.insertResetToken(hashSecret(token), row.id, now, now + RESET_TOKEN_MS);
    return { token, expiresAt: now + RESET_TOKEN_MS };
  }

  /** Sets a new password with a reset token (single use); every session of the account ends. */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    if (newPassword.length < MIN_PASSWORD_LENGTH) throw new DepecheError('DEPECHE_VALIDATION', { detail: `le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères` });
    await this.ctx.repos.transaction(async (repos) => {
      const userId = await repos.sessions.consumeResetToken(hashSecret(token), this.ctx.clock.now());
      if (userId === undefined) throw new DepecheError('DEPECHE_TOKEN_INVALID');
      await this.setPassword(repos, userId, newPassword);
    });
  }

  /** Creates an API key; the secret is returned once and never stored. */
  async createApiKey(actor: Actor, name: string): Promise<ApiKeyInfo & { secret: string }> {
    const label = name.trim();
    if (label === '' || label.length > 200) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'le nom de la clé doit compter de 1 à 200 caractères' });
    const secret = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    const now = this.ctx.clock.now();
    const prefix = secret.slice(0, 10);
    const id = await this.ctx.repos.apiKeys.insert({ user_id: actor.id, name: label, prefix, key_hash: hashSecret(secret), created_at: now });
    return { id, name: label, prefix, createdAt: now, lastUsedAt: null, secret };
  }

  /** The caller's keys. */
  async listApiKeys(actor: Actor): Promise<ApiKeyInfo[]> {
    return (await this.ctx.repos.apiKeys.listActiveFor(actor.id)).map(apiKeyInfo);
  }

  /** Revokes one of the caller's keys. */
  async revokeApiKey(actor: Actor, id: number): Promise<void> {
    if (!(await this.ctx.repos.apiKeys.revoke(id, actor.id, this.ctx.clock.now()))) throw new DepecheError('DEPECHE_NOT_FOUND');
  }

  /** The user behind an API key, if it is valid. */
  async userForApiKey(secret: string): Promise<StaffUser | undefined> {
    if (!secret.startsWith(API_KEY_PREFIX) || secret.length > 100) return undefined;
    const key = await this.ctx.repos.apiKeys.findActiveByHash(hashSecret(secret));
    if (!key) return undefined;
    const row = await this.ctx.repos.users.findById(key.user_id);
    const user = row ? staffUser(row) : undefined;
    if (!user) return undefined;
    const now = this.ctx.clock.now();
    if (key.last_used_at === null || now - key.last_used_at > TOUCH_EVERY_MS) await this.ctx.repos.apiKeys.markUsed(key.id, now);
    return user;
  }
}
