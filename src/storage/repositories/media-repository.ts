/** The media library. */
import type { Insertable } from 'kysely';
import type { MediaRow, MediaTable } from '../schema.js';
import type { Executor } from './executor.js';

/** Reads and writes `media`. */
export class MediaRepository {
  constructor(private readonly db: Executor) {}

  /** Inserts a media item and returns its id. */
  async insert(row: Insertable<MediaTable>): Promise<number> {
    const { id } = await this.db.insertInto('media').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** Media by id, in one query. */
  async findByIds(ids: readonly number[]): Promise<MediaRow[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('media').selectAll().where('id', 'in', ids).execute();
  }

  /** The media item stored under this key. */
  async findByKey(key: string): Promise<MediaRow | undefined> {
    return this.db.selectFrom('media').selectAll().where('storage_key', '=', key).executeTakeFirst();
  }
}
