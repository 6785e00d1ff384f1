/**
 * The shared test corpora (`../shared/testdata/` beside the repository). In CI they must be
 * there; elsewhere a suite that needs them is skipped with a visible message.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IN_CI } from './postgres.js';

/** The repository's root folder. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the shared test data lives. */
export const SHARED_TESTDATA = process.env.DEPECHE_SHARED_TESTDATA ?? resolve(REPO_ROOT, '../shared/testdata');

/** A folder of the shared test data, and whether a suite needing it runs. */
export function sharedTestdata(relative: string): { path: string; available: boolean; skipReason: string } {
  const path = join(SHARED_TESTDATA, relative);
  const present = existsSync(path);
  if (!present && IN_CI) throw new Error(`the shared test data ${path} is required in CI but is missing`);
  return { path, available: present, skipReason: `${path} not found: SKIPPED (shared test data absent)` };
}
