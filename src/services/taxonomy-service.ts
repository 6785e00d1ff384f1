/** Use cases on categories and tags. */
import { descendantIds, RESERVED_CATEGORY_SLUGS } from '../domain/category.js';
import { canCreateTag, canManageCategories, type Actor } from '../domain/policies.js';
import { isSlug, slugify } from '../domain/slug.js';
import { DepecheError } from '../errors.js';
import type { CategoryRow, TagRow } from '../storage/schema.js';
import type { ServiceContext } from './context.js';
import { enforce } from './enforce.js';

/** A category as staff edit it (the parent by id). */
export interface CategoryPatch {
  name?: string;
  slug?: string;
  description?: string;
  parentId?: number | null;
  position?: number;
}

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
      // A page answers at /{slug}: a category of the same slug would hide it.
      if (await repos.pages.findBySlug(slug)) throw new DepecheError('DEPECHE_SLUG_TAKEN', { slug });
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

  /**
   * The id of the tag with this slug, created with this name when missing (importers keep the
   * source's slugs, which may differ from the slug of the name).
   */
  async ensureTag(slug: string, name: string): Promise<number> {
    const cleanName = name.trim();
    if (!isSlug(slug)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `"${slug}" is not a valid slug` });
    if (cleanName === '' || cleanName.length > 100) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'a tag name must have 1 to 100 characters' });
    return this.ctx.repos.transaction(async (repos) => (await repos.taxonomy.findTagBySlug(slug))?.id ?? repos.taxonomy.insertTag(slug, cleanName, this.ctx.clock.now()));
  }

  /** Creates a category (editors). */
  async createCategoryAs(actor: Actor, input: CategoryPatch & { name: string }): Promise<number> {
    enforce(canManageCategories(actor));
    let parentSlug: string | null = null;
    if (input.parentId != null) {
      const parent = (await this.ctx.repos.taxonomy.allCategories()).find((c) => c.id === input.parentId);
      if (!parent) throw new DepecheError('DEPECHE_UNKNOWN_REFERENCE', { kind: 'rubrique', ref: String(input.parentId) });
      parentSlug = parent.slug;
    }
    return this.createCategory({ name: input.name, ...(input.slug ? { slug: input.slug } : {}), description: input.description ?? '', parentSlug, position: input.position ?? 0 });
  }

  /** Changes a category (editors). A new slug moves its articles' URLs; old ones redirect. */
  async updateCategory(actor: Actor, id: number, patch: CategoryPatch): Promise<void> {
    enforce(canManageCategories(actor));
    await this.ctx.repos.transaction(async (repos) => {
      const all = await repos.taxonomy.allCategories();
      const current = all.find((c) => c.id === id);
      if (!current) throw new DepecheError('DEPECHE_NOT_FOUND');
      const row: Partial<Omit<CategoryRow, 'id' | 'created_at'>> = {};
      if (patch.name !== undefined) {
        const name = patch.name.trim();
        if (name === '' || name.length > 200) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'le nom de la rubrique doit compter de 1 à 200 caractères' });
        row.name = name;
      }
      if (patch.description !== undefined) row.description = patch.description.trim();
      if (patch.position !== undefined) row.position = patch.position;
      if (patch.parentId !== undefined) {
        if (patch.parentId !== null) {
          const nodes = all.map((c) => ({ ...c, parentId: c.parent_id }));
          if (!all.some((c) => c.id === patch.parentId)) throw new DepecheError('DEPECHE_UNKNOWN_REFERENCE', { kind: 'rubrique', ref: String(patch.parentId) });
          if (descendantIds(id, nodes).includes(patch.parentId)) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'une rubrique ne peut pas être rangée sous elle-même' });
        }
        row.parent_id = patch.parentId;
      }
      if (patch.slug !== undefined && patch.slug !== current.slug) {
        if (!isSlug(patch.slug)) throw new DepecheError('DEPECHE_VALIDATION', { detail: `« ${patch.slug} » n’est pas un identifiant d’URL valide` });
        if (RESERVED_CATEGORY_SLUGS.has(patch.slug)) throw new DepecheError('DEPECHE_SLUG_RESERVED', { slug: patch.slug });
        if (all.some((c) => c.slug === patch.slug)) throw new DepecheError('DEPECHE_SLUG_TAKEN', { slug: patch.slug });
        row.slug = patch.slug;
        // The category page moves; its articles' old URLs follow through this redirect (see routes/public.ts).
        await repos.redirects.moved(`/${current.slug}/`, `/${patch.slug}/`, this.ctx.clock.now());
      }
      if (Object.keys(row).length > 0) await repos.taxonomy.updateCategory(id, row);
    });
  }

  /** Deletes an unused category (editors): 409 when articles or sub-categories use it. */
  async deleteCategory(actor: Actor, id: number): Promise<void> {
    enforce(canManageCategories(actor));
    const all = await this.ctx.repos.taxonomy.allCategories();
    if (!all.some((c) => c.id === id)) throw new DepecheError('DEPECHE_NOT_FOUND');
    if (all.some((c) => c.parent_id === id)) throw new DepecheError('DEPECHE_IN_USE', { detail: 'cette rubrique a des sous-rubriques.' });
    const count = await this.ctx.repos.taxonomy.countArticlesIn(id);
    if (count > 0) throw new DepecheError('DEPECHE_IN_USE', { detail: `${count} article(s) sont rangés dans cette rubrique (corbeille comprise).` });
    await this.ctx.repos.taxonomy.deleteCategory(id);
  }

  /** Tags for autocompletion: prefix match, accent- and case-insensitive (on slugs). */
  async searchTags(q: string | undefined, limit = 20): Promise<TagRow[]> {
    const prefix = slugify(q ?? '');
    return prefix === '' ? this.ctx.repos.taxonomy.listTags(limit) : this.ctx.repos.taxonomy.tagsWithSlugPrefix(prefix, limit);
  }

  /** Creates a tag, or returns the existing one with the same slug. */
  async createTag(actor: Actor, name: string): Promise<{ tag: TagRow; created: boolean }> {
    enforce(canCreateTag(actor));
    const slug = slugify(name.trim());
    const existing = slug === '' ? undefined : await this.ctx.repos.taxonomy.findTagBySlug(slug);
    if (existing) return { tag: existing, created: false };
    const [id] = await this.ensureTags([name]);
    const tag = await this.ctx.repos.taxonomy.findTagBySlug(slug);
    if (id === undefined || !tag) throw new DepecheError('DEPECHE_VALIDATION', { detail: 'le nom du mot-clé doit contenir des lettres ou des chiffres' });
    return { tag, created: true };
  }
}
