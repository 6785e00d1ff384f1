/** Opens what every command needs: configuration, a migrated database and the services. */
import { loadConfig, type Config } from '../config.js';
import { createServices, type Services } from '../services/index.js';
import { SmtpMailer } from '../services/mail/smtp-mailer.js';
import { RedisRateLimiter } from '../services/rate-limit/redis-rate-limiter.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../storage/db.js';
import type { InvalidationBus } from '../services/cache/invalidation-bus.js';
import { createInvalidationBus } from './create-invalidation-bus.js';
import { createMediaStorage } from './create-media-storage.js';

/** An open application: close it when done. */
export interface OpenApp {
  config: Config;
  handle: DatabaseHandle;
  services: Services;
  /** Carries cache invalidations to the other processes and nodes (closed with the handle). */
  invalidationBus: InvalidationBus;
  appliedMigrations: string[];
}

/** Options of {@link openApp}. */
export interface OpenAppOptions {
  /** Bring the schema up to date (default); a `serve --workers` worker skips it, its primary did it. */
  migrate?: boolean;
}

/** Loads the configuration (with overrides), opens and migrates the database, builds services. */
export async function openApp(overrides: Record<string, string | undefined> = {}, options: OpenAppOptions = {}): Promise<OpenApp> {
  const env = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) env[key] = value;
  const config = loadConfig(env);
  const handle = await openDatabase(config.database);
  try {
    const { applied } = options.migrate === false ? { applied: [] } : await migrateToLatest(handle.db);
    // Rate limits are shared through Redis when configured (several app nodes), else kept in process.
    const rateLimiter = config.redisUrl === null ? undefined : new RedisRateLimiter(config.redisUrl, { prefix: `${config.redisPrefix}rl:`, onError: warnRedis });
    const mailer = config.smtpUrl === null ? undefined : new SmtpMailer(config.smtpUrl, config.mailFrom);
    // Redis when configured (several nodes), the primary's relay under --workers, else in process.
    const invalidationBus = createInvalidationBus(config);
    const services = createServices({
      db: handle.db,
      site: { siteUrl: config.siteUrl, siteName: config.siteName, siteLanguage: config.siteLanguage, timeZone: config.timeZone, typography: config.typography, ...(config.mediaPublicUrl ? { mediaBaseUrl: config.mediaPublicUrl } : {}) },
      mediaDir: config.mediaDir,
      mediaStorage: createMediaStorage(config),
      secretKey: config.secretKey,
      ...(rateLimiter ? { rateLimiter } : {}),
      ...(mailer ? { mailer, onMailError: warnMail } : {}),
      invalidationBus,
    });
    const close = handle.close;
    handle.close = async () => {
      await services.ctx.rateLimiter.close();
      // Purge webhook calls in progress finish (or time out) before the process ends.
      await services.ctx.invalidator.settle();
      await services.ctx.invalidation.close();
      await mailer?.close();
      await close();
    };
    return { config, handle, services, invalidationBus, appliedMigrations: applied };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

let redisWarned = false;

/** Says once that Redis fails (limits are then not enforced rather than blocking every comment). */
function warnRedis(error: unknown): void {
  if (redisWarned) return;
  redisWarned = true;
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(`depeche: Redis does not answer (${detail}); rate limits are not enforced until it does.\n`);
}

/** Reports a notification email that could not be sent (the comment itself is stored). */
function warnMail(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(`depeche: a notification email could not be sent (${detail}).\n`);
}
