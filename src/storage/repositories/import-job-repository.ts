/** Imports started from the admin. */
import type { Insertable, Updateable } from 'kysely';
import type { ImportJobRow, ImportJobsTable } from '../schema.js';
import type { Executor } from './executor.js';

/** Reads and writes `import_jobs`. */
export class ImportJobRepository {
  constructor(private readonly db: Executor) {}

  /** Records a job and returns its id. */
  async insert(row: Insertable<ImportJobsTable>): Promise<number> {
    const { id } = await this.db.insertInto('import_jobs').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /** Changes a job. */
  async update(id: number, patch: Updateable<ImportJobsTable>): Promise<void> {
    await this.db.updateTable('import_jobs').set(patch).where('id', '=', id).execute();
  }

  /** One job. */
  async find(id: number): Promise<ImportJobRow | undefined> {
    return this.db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
