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

  /** A library item that is not deleted. */
  async findLive(id: number): Promise<MediaRow | undefined> {
    return this.db.selectFrom('media').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  }

  /** A page of the library, newest first. */
  async listLive(limit: number, offset: number): Promise<MediaRow[]> {
    return this.db.selectFrom('media').selectAll().where('deleted_at', 'is', null).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  }

  /** Changes the texts of a media item. */
  async update(id: number, patch: Partial<Pick<MediaRow, 'alt' | 'caption' | 'credit' | 'deleted_at'>>): Promise<void> {
    await this.db.updateTable('media').set(patch).where('id', '=', id).execute();
  }

  /**
   * The item whose renditions have this content hash (it is part of every stored key). Uploads
   * are rare and the table small next to articles: an unindexed LIKE is fine here.
   */
  async findByContentHash(hash: string): Promise<MediaRow | undefined> {
    if (!/^[0-9a-f]{8,64}$/.test(hash)) return undefined;
    return this.db.selectFrom('media').selectAll().where('storage_key', 'like', `%-${hash}-%`).orderBy('id').executeTakeFirst();
  }

  /** The media item stored under this key. */
  async findByKey(key: string): Promise<MediaRow | undefined> {
    return this.db.selectFrom('media').selectAll().where('storage_key', '=', key).executeTakeFirst();
  }
}
