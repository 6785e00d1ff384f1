/** Where the benchmark finds the built CLI and keeps its working files. */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/project-root.js';

/** Absolute and root-relative paths used by the benchmark. */
export interface BenchPaths {
  /** The project root (where package.json is); children run with it as cwd. */
  root: string;
  /** The built `depeche` CLI. */
  cli: string;
  /** The built ceiling server. */
  ceilingServer: string;
  /** The git-ignored work folder (absolute). */
  workDir: string;
  /** The SQLite file, relative to the root (as given to DATABASE_URL). */
  databaseFile: string;
  /** The media folder, relative to the root. */
  mediaDir: string;
  /** Where the JSON report is written. */
  reportFile: string;
}

const WORK_DIR = 'bench/.work';

/** The benchmark's paths, found from the script's location, not the cwd. */
export function benchPaths(root: string = PROJECT_ROOT): BenchPaths {
  return {
    root,
    cli: join(root, 'dist/src/cli/depeche.js'),
    ceilingServer: join(root, 'dist/bench/ceiling-server.js'),
    workDir: join(root, WORK_DIR),
    databaseFile: `${WORK_DIR}/depeche.db`,
    mediaDir: `${WORK_DIR}/media`,
    reportFile: join(root, WORK_DIR, 'last-run.json'),
  };
}

/** A path inside the work folder, absolute. */
export function workFile(paths: BenchPaths, name: string): string {
  return join(paths.workDir, name);
}

/** A path shown relative to the project root, for messages. */
export function shown(paths: BenchPaths, absolute: string): string {
  return absolute.startsWith(paths.root + '/') ? absolute.slice(paths.root.length + 1) : absolute;
}
