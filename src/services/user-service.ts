/** Use cases on staff accounts. */
import { isSlug, slugify } from '../domain/slug.js';
import { isEmail, isUserRole, type UserRole } from '../domain/user.js';
import { DepecheError } from '../errors.js';
import type { ServiceContext } from './context.js';
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
}
