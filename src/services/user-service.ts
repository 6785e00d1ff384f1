/** Use cases on staff accounts. */
import { canManageUsers, canUpdateUser, type Actor } from '../domain/policies.js';
import { isSlug, slugify } from '../domain/slug.js';
import { isEmail, isUserRole, type UserRole } from '../domain/user.js';
import { DepecheError } from '../errors.js';
import type { UserRow } from '../storage/schema.js';
import type { ServiceContext } from './context.js';
import { enforce } from './enforce.js';
import { hashPassword } from './password.js';

/** What it takes to create a staff account. */
export interface UserInput {
  email: string;
  name: string;
  role: UserRole | string;
  /** Omit for a byline-only account that cannot log in. */
  password?: string | null;
  slug?: string;
  bio?: string;
}

/** Minimum password length for staff accounts. */
export const MIN_PASSWORD_LENGTH = 10;

/** Creates and finds staff accounts. */
export class UserService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Creates a user and returns its id. */
  async createUser(input: UserInput): Promise<number> {
    const email = input.email.trim().toLowerCase();
    const name = input.name.trim();
    if (!isEmail(email)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `"${input.email}" is not an email address` });
    if (name === '' || name.length > 200) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the name must have 1 to 200 characters' });
    if (!isUserRole(input.role)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `unknown role "${input.role}" (administrator, editor, author, contributor)` });
    if (input.password != null && input.password.length < MIN_PASSWORD_LENGTH) {
      throw new DepecheError('DEPECHE_VALIDATION', { detail: `the password must have at least ${MIN_PASSWORD_LENGTH} characters` });
    }
    const passwordHash = input.password != null ? await hashPassword(input.password) : null;
    return this.ctx.repos.transaction(async (repos) => {
      if (await repos.users.findByEmail(email)) throw new DepecheError('DEPECHE_USER_EXISTS', { email });
      let slug = input.slug ?? slugify(name);
      if (!isSlug(slug)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `"${slug}" is not a valid slug` });
      if (input.slug === undefined) {
        const base = slug;
        for (let n = 2; await repos.users.slugExists(slug); n++) slug = `${base}-${n}`;
      } else if (await repos.users.slugExists(slug)) {
        throw new DepecheError('DEPECHE_SLUG_TAKEN', { slug });
      }
      const now = this.ctx.clock.now();
      return repos.users.insert({ email, slug, display_name: name, bio: input.bio ?? '', role: input.role, password_hash: passwordHash, created_at: now, updated_at: now });
    });
  }

  /** Changes the name and bio shown in bylines (importers bringing a source's edits). */
  async updateProfile(id: number, profile: { name: string; bio: string }): Promise<void> {
    const name = profile.name.trim();
    if (name === '' || name.length > 200) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'the name must have 1 to 200 characters' });
    await this.ctx.repos.users.update(id, { display_name: name, bio: profile.bio.trim(), updated_at: this.ctx.clock.now() });
  }

  /** Every account (administrators only). */
  async list(actor: Actor): Promise<UserRow[]> {
    enforce(canManageUsers(actor));
    return this.ctx.repos.users.listAll();
  }

  /** People who can sign articles, for byline pickers (any logged-in role). */
  async authors(): Promise<UserRow[]> {
    return this.ctx.repos.users.listAll();
  }

  /** Creates an account (administrators only). */
  async createAs(actor: Actor, input: UserInput): Promise<number> {
    enforce(canManageUsers(actor));
    return this.createUser(input);
  }

  /** One account, or 404. */
  async find(id: number): Promise<UserRow> {
    const row = await this.ctx.repos.users.findById(id);
    if (!row) throw new DepecheError('DEPECHE_NOT_FOUND');
    return row;
  }

  /** Changes an account: administrators anything, others their own name, bio and email. */
  async updateAs(actor: Actor, id: number, patch: { email?: string; name?: string; role?: string; bio?: string; password?: string }): Promise<void> {
    const fields = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
    enforce(canUpdateUser(actor, id, fields));
    const current = await this.find(id);
    const row: Partial<Omit<UserRow, 'id'>> = { updated_at: this.ctx.clock.now() };
    if (patch.email !== undefined) {
      const email = patch.email.trim().toLowerCase();
      if (!isEmail(email)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `« ${patch.email} » n’est pas une adresse e-mail` });
      const other = await this.ctx.repos.users.findByEmail(email);
      if (other && other.id !== id) throw new DepecheError('DEPECHE_USER_EXISTS', { email });
      row.email = email;
    }
    if (patch.name !== undefined) {
      const name = patch.name.trim();
      if (name === '' || name.length > 200) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'le nom doit compter de 1 à 200 caractères' });
      row.display_name = name;
    }
    if (patch.bio !== undefined) row.bio = patch.bio.trim().slice(0, 5000);
    if (patch.role !== undefined) {
      if (!isUserRole(patch.role)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `rôle inconnu « ${patch.role} »` });
      // The last administrator cannot demote themselves: the site would have no one to manage it.
      if (current.role === 'administrator' && patch.role !== 'administrator' && (await this.ctx.repos.users.listAll()).filter((u) => u.role === 'administrator').length <= 1) {
        throw new DepecheError('DEPECHE_VALIDATION', { detail: 'le site doit garder au moins un administrateur' });
      }
      row.role = patch.role;
    }
    if (patch.password !== undefined) {
      if (patch.password.length < MIN_PASSWORD_LENGTH) throw new DepecheError('DEPECHE_VALIDATION', { detail: `le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères` });
      row.password_hash = await hashPassword(patch.password);
    }
    await this.ctx.repos.users.update(id, row);
    // A new role or password takes effect now: the account logs in again.
    if (patch.role !== undefined || patch.password !== undefined) await this.ctx.repos.sessions.deleteForUser(id);
  }
}
