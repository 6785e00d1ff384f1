/** Categories (a tree) and tags. */
import type { Insertable } from 'kysely';
import type { CategoriesTable, CategoryRow, TagRow } from '../schema.js';
import type { Executor } from './executor.js';

/** Reads and writes `categories` and `tags`. */
export class TaxonomyRepository {
  constructor(private readonly db: Executor) {}

  /** Inserts a category and returns its id. */
  async insertCategory(row: Insertable<CategoriesTable>): Promise<number> {
    const { id } = await this.db.insertInto('categories').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** Every category, in menu order (the tree is small: a site has tens, not thousands). */
  async allCategories(): Promise<CategoryRow[]> {
    return this.db.selectFrom('categories').selectAll().orderBy('position').orderBy('id').execute();
  }

  /** The category with this slug. */
  async findCategoryBySlug(slug: string): Promise<CategoryRow | undefined> {
    return this.db.selectFrom('categories').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  /** Changes a category. */
  async updateCategory(id: number, patch: Partial<Omit<CategoryRow, 'id'>>): Promise<void> {
    await this.db.updateTable('categories').set(patch).where('id', '=', id).execute();
  }

  /** Deletes a category (the caller checks nothing uses it). */
  async deleteCategory(id: number): Promise<void> {
    await this.db.deleteFrom('categories').where('id', '=', id).execute();
  }

  /** How many articles (any status) have this primary category. */
  async countArticlesIn(categoryId: number): Promise<number> {
    const { n } = await this.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('primary_category_id', '=', categoryId).executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Tags whose slug starts with the given slug prefix (slugs are accent-free, so is the match). */
  async tagsWithSlugPrefix(prefix: string, limit: number): Promise<TagRow[]> {
    // Slugs hold only a-z, 0-9 and hyphens, so the pattern needs no escaping.
    const pattern = `${prefix.replace(/[^a-z0-9-]/g, '')}%`;
    return this.db.selectFrom('tags').selectAll().where('slug', 'like', pattern).orderBy('slug').limit(limit).execute();
  }

  /** Tags in slug order. */
  async listTags(limit: number): Promise<TagRow[]> {
    return this.db.selectFrom('tags').selectAll().orderBy('slug').limit(limit).execute();
  }

  /** The tag with this slug. */
  async findTagBySlug(slug: string): Promise<TagRow | undefined> {
    return this.db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  /** The tag with this id. */
  async findTagById(id: number): Promise<TagRow | undefined> {
    return this.db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Renames a tag. */
  async updateTag(id: number, patch: { name?: string; slug?: string }): Promise<void> {
    await this.db.updateTable('tags').set(patch).where('id', '=', id).execute();
  }

  /** Tags by slug. */
  async findTagsBySlugs(slugs: readonly string[]): Promise<TagRow[]> {
    if (slugs.length === 0) return [];
    return this.db.selectFrom('tags').selectAll().where('slug', 'in', slugs).execute();
  }

  /** Tags by id. */
  async findTagsByIds(ids: readonly number[]): Promise<TagRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('tags').selectAll().where('id', 'in', ids).execute();
  }

  /** Inserts a tag and returns its id. */
  async insertTag(slug: string, name: string, now: number): Promise<number> {
    const { id } = await this.db.insertInto('tags').values({ slug, name, created_at: now }).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** Every tag (search suggestions compare the query with their names). */
  async allTags(): Promise<TagRow[]> {
    return this.db.selectFrom('tags').selectAll().orderBy('name').execute();
  }

  /** The tags most used by the latest published articles (a few index reads, whatever the archive's size). */
  async popularTags(limit: number, now: number, recent = 500): Promise<TagRow[]> {
    const latest = this.db
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'published')
      .where('published_at', '<=', now)
      .orderBy('published_at', 'desc')
      .limit(recent);
    return this.db
      .selectFrom('article_tags as at')
      .innerJoin('tags', 'tags.id', 'at.tag_id')
      .select(['tags.id', 'tags.slug', 'tags.name', 'tags.created_at'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('at.article_id', 'in', latest)
      .groupBy(['tags.id', 'tags.slug', 'tags.name', 'tags.created_at'])
      .orderBy('n', 'desc')
      .orderBy('tags.name')
      .limit(limit)
      .execute();
  }
}
