/** Staff accounts and byline authors. */
import type { Insertable } from 'kysely';
import type { UserRow, UsersTable } from '../schema.js';
import type { Executor } from './executor.js';

/** Reads and writes `users`. */
export class UserRepository {
  constructor(private readonly db: Executor) {}

  /** Inserts a user and returns its id. */
  async insert(row: Insertable<UsersTable>): Promise<number> {
    const { id } = await this.db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** Changes fields of a user. */
  async update(id: number, patch: Partial<Omit<UserRow, 'id'>>): Promise<void> {
    await this.db.updateTable('users').set(patch).where('id', '=', id).execute();
  }

  /** The user with this email (case-insensitive: emails are stored lowercased). */
  async findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  }

  /** The user with this slug. */
  async findBySlug(slug: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  /** Users by slug, for resolving bylines in one query. */
  async findBySlugs(slugs: readonly string[]): Promise<UserRow[]> {
    if (slugs.length === 0) return [];
    return this.db.selectFrom('users').selectAll().where('slug', 'in', slugs).execute();
  }

  /** Users by id. */
  async findByIds(ids: readonly number[]): Promise<UserRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
  }

  /** Every user, by name. */
  async listAll(): Promise<UserRow[]> {
    return this.db.selectFrom('users').selectAll().orderBy('display_name').orderBy('id').execute();
  }

  /** The user with this id. */
  async findById(id: number): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Whether a slug is taken. */
  async slugExists(slug: string): Promise<boolean> {
    return (await this.db.selectFrom('users').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
  }

  /** How many users exist. */
  async count(): Promise<number> {
    const { n } = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  /** How many users have a password (can log in). */
  async countCanLogIn(): Promise<number> {
    const { n } = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('password_hash', 'is not', null).executeTakeFirstOrThrow();
    return Number(n);
  }
}
