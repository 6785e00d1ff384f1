/**
 * Real-world reference files from other projects (`../shared/testdata/`, see its PROVENANCE.md
 * files): read in place, never copied into the repository. In CI they must be there; elsewhere
 * a test that needs them is skipped with a visible message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { IN_CI } from './postgres.js';

/** Where the shared test data lives (TESTDATA_DIR overrides). */
export const REFERENCE_DIR = process.env.TESTDATA_DIR ?? resolve(PROJECT_ROOT, '..', 'shared', 'testdata');

/** Whether a reference file is there; in CI a missing one is an error, elsewhere a visible skip. */
export function referenceAvailable(relativePath: string): boolean {
  const path = join(REFERENCE_DIR, relativePath);
  if (existsSync(path)) return true;
  if (IN_CI) throw new Error(`reference test data missing in CI: ${path}`);
  process.stdout.write(`\n⚠ ${path} not found: tests that need it are SKIPPED (set TESTDATA_DIR)\n\n`);
  return false;
}

/** The text of a reference file. */
export function readReference(relativePath: string): string {
  return readFileSync(join(REFERENCE_DIR, relativePath), 'utf8');
}
