/** Every migration, in order. Imported statically so the built app needs no file scanning. */
import type { Migration } from 'kysely';
import * as m001 from './001-initial.js';
import * as m003 from './003-newsroom.js';
import * as m005 from './005-comments.js';
import * as m002 from './002-search.js';
import * as m006 from './006-import.js';
import * as m007 from './007-import-jobs.js';

/** Migrations by name; names sort in the order they must run. */
export const MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
  '003-newsroom': m003,
  '005-comments': m005,
  '002-search': m002,
  '006-import': m006,
  '007-import-jobs': m007,
};
