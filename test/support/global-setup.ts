/**
 * Once per run: checks PostgreSQL (required in CI) and builds the demo site into a SQLite
 * file with its media, which browser and page tests copy instead of rendering images again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadDemo } from '../../src/services/demo/load-demo.js';
import { createServices } from '../../src/services/index.js';
import { migrateToLatest, openDatabase } from '../../src/storage/db.js';
import { IN_CI, postgresAvailable, TEST_POSTGRES_URL } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    demoDir: string;
    postgres: boolean;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const postgres = await postgresAvailable();
  if (!postgres) {
    if (IN_CI) throw new Error(`PostgreSQL is required in CI but does not answer at ${TEST_POSTGRES_URL}`);
    process.stdout.write(`\n⚠ PostgreSQL does not answer at ${TEST_POSTGRES_URL}: the PostgreSQL half of the integration suite is SKIPPED.\n\n`);
  }
  const demoDir = mkdtempSync(join(tmpdir(), 'depeche-demo-'));
  const handle = await openDatabase({ kind: 'sqlite', filename: join(demoDir, 'depeche.db') });
  await migrateToLatest(handle.db);
  const services = createServices({
    db: handle.db,
    site: { siteUrl: 'http://localhost:3000', siteName: 'Dépêche', siteLanguage: 'fr', timeZone: 'Europe/Paris' },
    mediaDir: join(demoDir, 'media'),
  });
  await loadDemo(services);
  await handle.close();
  project.provide('demoDir', demoDir);
  project.provide('postgres', postgres);
  return () => rmSync(demoDir, { recursive: true, force: true });
}
