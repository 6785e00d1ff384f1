/** The import mapping: source item → local row, with the hash of what was imported. */
import type { ImportMapRow } from '../schema.js';
import type { Executor } from './executor.js';

/** The key of an imported item. */
export interface ImportKey {
  source: string;
  kind: string;
  sourceId: string;
}

/** Reads and writes `import_map`. */
export class ImportMapRepository {
  constructor(private readonly db: Executor) {}

  /** The mapping of one source item, if it was imported before. */
  async find(key: ImportKey): Promise<ImportMapRow | undefined> {
    return this.db
      .selectFrom('import_map')
      .selectAll()
      .where('source', '=', key.source)
      .where('kind', '=', key.kind)
      .where('source_id', '=', key.sourceId)
      .executeTakeFirst();
  }

  /** Mappings of several items of one kind, in one query. */
  async findMany(source: string, kind: string, sourceIds: readonly string[]): Promise<ImportMapRow[]> {
    if (sourceIds.length === 0) return [];
    return this.db.selectFrom('import_map').selectAll().where('source', '=', source).where('kind', '=', kind).where('source_id', 'in', sourceIds).execute();
  }

  /** Records (or replaces) the mapping of one item. */
  async save(key: ImportKey, value: { localId: number | null; hash: string; detail?: string | null }, now: number): Promise<void> {
    const row = { local_id: value.localId, content_hash: value.hash, detail: value.detail ?? null, updated_at: now };
    await this.db
      .insertInto('import_map')
      .values({ source: key.source, kind: key.kind, source_id: key.sourceId, ...row })
      .onConflict((oc) => oc.columns(['source', 'kind', 'source_id']).doUpdateSet(row))
      .execute();
  }

  /**
   * The post with this id in any source of a family ("wordpress" and "wordpress:site…"),
   * the most recently imported first: old `/?p=ID` addresses do not name their site.
   */
  async findInFamily(family: string, kind: string, sourceId: string) {
    return this.db
      .selectFrom('import_map')
      .selectAll()
      .where((eb) => eb.or([eb('source', '=', family), eb('source', 'like', `${family}:%`)]))
      .where('kind', '=', kind)
      .where('source_id', '=', sourceId)
      .orderBy('updated_at', 'desc')
      .executeTakeFirst();
  }

  /** How many items of a source and kind are mapped. */
  async count(source: string, kind: string): Promise<number> {
    const { n } = await this.db
      .selectFrom('import_map')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', '=', source)
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}
