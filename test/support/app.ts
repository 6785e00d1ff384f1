/** Builds the application over a test database, as the CLI would, for HTTP-level tests. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import type { InvalidationBus } from '../../src/services/cache/invalidation-bus.js';
import type { Clock } from '../../src/services/clock.js';
import type { MediaStorage } from '../../src/services/media-storage.js';
import { createServices, type Services } from '../../src/services/index.js';
import type { RateLimiter } from '../../src/services/rate-limit/rate-limiter.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/storage/db.js';
import { buildServer } from '../../src/web/server.js';

/** A running application for tests. */
export interface TestApp {
  config: Config;
  services: Services;
  server: FastifyInstance;
  close(): Promise<void>;
}

/** The configuration tests use, with a media folder of their own. */
export function testConfig(mediaDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({ SITE_URL: 'http://localhost:3000', MEDIA_DIR: mediaDir, LOG_LEVEL: 'silent', ...env });
}

/** Builds services and the server over an open database. */
export async function buildTestApp(
  handle: DatabaseHandle,
  options: {
    mediaDir?: string;
    clock?: Clock;
    rateLimiter?: RateLimiter;
    mediaStorage?: MediaStorage;
    /** More configuration variables (e.g. PAGE_CACHE_MB). */
    env?: Record<string, string>;
    /** A bus shared with other apps (several "nodes" in one test). */
    invalidationBus?: InvalidationBus;
    onCacheWarning?: (message: string) => void;
  } = {},
): Promise<TestApp> {
  const ownMedia = options.mediaDir === undefined ? mkdtempSync(join(tmpdir(), 'depeche-media-')) : undefined;
  const config = testConfig(options.mediaDir ?? ownMedia ?? '', options.env);
  const services = createServices({
    db: handle.db,
    site: { siteUrl: config.siteUrl, siteName: config.siteName, siteLanguage: config.siteLanguage, timeZone: config.timeZone, typography: config.typography, ...(config.mediaPublicUrl ? { mediaBaseUrl: config.mediaPublicUrl } : {}) },
    mediaDir: config.mediaDir,
    ...(options.mediaStorage ? { mediaStorage: options.mediaStorage } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
    ...(options.invalidationBus ? { invalidationBus: options.invalidationBus } : {}),
    ...(options.onCacheWarning ? { onCacheWarning: options.onCacheWarning } : {}),
  });
  const server = await buildServer({ config, services, logger: false });
  await server.ready();
  return {
    config,
    services,
    server,
    async close() {
      await server.close();
      await services.ctx.rateLimiter.close();
      await services.ctx.invalidator.settle();
      if (ownMedia) rmSync(ownMedia, { recursive: true, force: true });
    },
  };
}

/** A private copy of the demo site (SQLite file and media) built once per run. */
export interface DemoCopy {
  dir: string;
  dbFile: string;
  mediaDir: string;
  remove(): void;
}

/** Copies the demo site built by the global setup. */
export function copyDemoSite(): DemoCopy {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-democopy-'));
  cpSync(inject('demoDir'), dir, { recursive: true });
  return { dir, dbFile: join(dir, 'depeche.db'), mediaDir: join(dir, 'media'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens a copy of the demo site and builds the app over it. */
export async function startDemoApp(options: { clock?: Clock; rateLimiter?: RateLimiter } = {}): Promise<TestApp & { demo: DemoCopy; handle: DatabaseHandle }> {
  const demo = copyDemoSite();
  const handle = await openDatabase({ kind: 'sqlite', filename: demo.dbFile });
  await migrateToLatest(handle.db);
  const app = await buildTestApp(handle, { mediaDir: demo.mediaDir, ...options });
  return {
    ...app,
    demo,
    handle,
    async close() {
      await app.close();
      await handle.close();
      demo.remove();
    },
  };
}
