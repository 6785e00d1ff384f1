/** Use cases on categories and tags. */
import { RESERVED_CATEGORY_SLUGS } from '../domain/category.js';
import { isSlug, slugify } from '../domain/slug.js';
import { DepecheError } from '../errors.js';
import type { ServiceContext } from './context.js';

/** What it takes to create a category. */
export interface CategoryInput {
  name: string;
  slug?: string;
  description?: string;
  parentSlug?: string | null;
  position?: number;
  inMenu?: boolean;
}

/** Creates categories and tags. */
export class TaxonomyService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Creates a category and returns its id. */
  async createCategory(input: CategoryInput): Promise<number> {
    const name = input.name.trim();
    if (name === '' || name.length > 200) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'category name must have 1 to 200 characters' });
    const slug = input.slug ?? slugify(name);
    if (!isSlug(slug)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `"${slug}" is not a valid slug` });
    if (RESERVED_CATEGORY_SLUGS.has(slug)) throw new DepecheError('DEPECHE_SLUG_RESERVED', { slug });
    return this.ctx.repos.transaction(async (repos) => {
      if (await repos.taxonomy.findCategoryBySlug(slug)) throw new DepecheError('DEPECHE_SLUG_TAKEN', { slug });
      let parentId: number | null = null;
      if (input.parentSlug) {
        const parent = await repos.taxonomy.findCategoryBySlug(input.parentSlug);
        if (!parent) throw new DepecheError('DEPECHE_UNKNOWN_REFERENCE', { kind: 'category', ref: input.parentSlug });
        parentId = parent.id;
      }
      return repos.taxonomy.insertCategory({
        slug,
        name,
        description: input.description ?? '',
        parent_id: parentId,
        position: input.position ?? 0,
        in_menu: input.inMenu === false ? 0 : 1,
        created_at: this.ctx.clock.now(),
      });
    });
  }

  /** The ids of tags by name, creating the missing ones (slug from the name). */
  async ensureTags(names: readonly string[]): Promise<number[]> {
    const wanted = new Map<string, string>();
    for (const raw of names) {
      const name = raw.trim();
      if (name === '') continue;
      if (name.length > 100) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'a tag name is longer than 100 characters' });
      const slug = slugify(name);
      if (slug === '') throw new DepecheError('DEPECHE_VALIDATION', { detail: `tag "${name}" has no letters or digits` });
      if (!wanted.has(slug)) wanted.set(slug, name);
    }
    return this.ctx.repos.transaction(async (repos) => {
      const existing = new Map((await repos.taxonomy.findTagsBySlugs([...wanted.keys()])).map((t) => [t.slug, t.id]));
      const ids: number[] = [];
      for (const [slug, name] of wanted) {
        ids.push(existing.get(slug) ?? (await repos.taxonomy.insertTag(slug, name, this.ctx.clock.now())));
      }
      return ids;
    });
  }
}
