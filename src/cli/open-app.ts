/** Opens what every command needs: configuration, a migrated database and the services. */
import { loadConfig, type Config } from '../config.js';
import { createServices, type Services } from '../services/index.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../storage/db.js';

/** An open application: close it when done. */
export interface OpenApp {
  config: Config;
  handle: DatabaseHandle;
  services: Services;
  appliedMigrations: string[];
}

/** Loads the configuration (with overrides), opens and migrates the database, builds services. */
export async function openApp(overrides: Record<string, string | undefined> = {}): Promise<OpenApp> {
  const env = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) env[key] = value;
  const config = loadConfig(env);
  const handle = await openDatabase(config.database);
  try {
    const { applied } = await migrateToLatest(handle.db);
    const services = createServices({
      db: handle.db,
      site: { siteUrl: config.siteUrl, siteName: config.siteName, siteLanguage: config.siteLanguage, timeZone: config.timeZone, typography: config.typography },
      mediaDir: config.mediaDir,
    });
    return { config, handle, services, appliedMigrations: applied };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
