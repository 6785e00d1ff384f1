/** What repositories run queries on: the database itself or a transaction of it. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A Kysely handle: the database or an open transaction (a Transaction is a Kysely). */
export type Executor = Kysely<Database>;
