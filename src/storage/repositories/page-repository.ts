/** Standalone pages (À propos, Mentions légales…). */
import type { Insertable, Updateable } from 'kysely';
import type { PageRow, PagesTable } from '../schema.js';
import type { Executor } from './executor.js';

/** Reads and writes `pages`. */
export class PageRepository {
  constructor(private readonly db: Executor) {}

  /** Inserts a page and returns its id. */
  async insert(row: Insertable<PagesTable>): Promise<number> {
    const { id } = await this.db.insertInto('pages').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** Changes a page. */
  async update(id: number, patch: Updateable<PagesTable>): Promise<void> {
    await this.db.updateTable('pages').set(patch).where('id', '=', id).execute();
  }

  /** The page with this id. */
  async findById(id: number): Promise<PageRow | undefined> {
    return this.db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The page with this slug. */
  async findBySlug(slug: string): Promise<PageRow | undefined> {
    return this.db.selectFrom('pages').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  /** Slugs and dates of the pages readers may see (sitemap); a site has tens of pages, not thousands. */
  async listVisible(now: number): Promise<Array<Pick<PageRow, 'slug' | 'updated_at' | 'published_at'>>> {
    return this.db
      .selectFrom('pages')
      .select(['slug', 'updated_at', 'published_at'])
      .where('status', '=', 'published')
      .where('published_at', '<=', now)
      .orderBy('slug')
      .execute();
  }

  /** How many pages exist. */
  async count(): Promise<number> {
    const { n } = await this.db.selectFrom('pages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }
}
