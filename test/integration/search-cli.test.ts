/** `depeche reindex`, run as an operator would, on a copy of the demo site. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { copyDemoSite, type DemoCopy } from '../support/app.js';

const CLI = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'depeche.js');

describe('depeche reindex', () => {
  let demo: DemoCopy;
  beforeAll(() => {
    demo = copyDemoSite();
  });
  afterAll(() => demo?.remove());

  it('rebuilds the index and the related lists of the published articles', () => {
    const run = spawnSync(process.execPath, [CLI, 'reindex'], { env: { PATH: process.env.PATH ?? '', DATABASE_URL: `sqlite:${demo.dbFile}`, MEDIA_DIR: demo.mediaDir, LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Indexing articles…/);
    expect(run.stdout).toMatch(/Reindexed 39 articles \(\d+ word forms\) in [\d.]+ s, related lists in [\d.]+ s\./);
    const help = spawnSync(process.execPath, [CLI, 'reindex', '--help'], { encoding: 'utf8' });
    expect(help.stdout).toContain('--no-related');
  });
});
