import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'sqlite', filename: './data/depeche.db' });
    expect(config.siteUrl).toBe('http://localhost:3000');
    expect(config.siteLocale).toBe('fr-FR');
    expect(config.siteLanguage).toBe('fr');
    expect(config.timeZone).toBe('Europe/Paris');
    expect(config.siteName).toBe('Dépêche');
  });

  it('reads PostgreSQL URLs and site settings', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db.example:5432/depeche', SITE_URL: 'https://www.example.fr/', SITE_NAME: 'Le Quotidien', PORT: '8080', SITE_TIMEZONE: 'America/Montreal', SITE_LOCALE: 'fr-CA' });
    expect(config.database).toEqual({ kind: 'postgres', connectionString: 'postgres://u@db.example:5432/depeche' });
    expect(config.siteUrl).toBe('https://www.example.fr');
    expect(config.port).toBe(8080);
    expect(config.timeZone).toBe('America/Montreal');
    expect(config.siteLanguage).toBe('fr');
  });

  it('sets French typography on French sites unless told otherwise', () => {
    expect(loadConfig({}).typography).toBe('fr');
    expect(loadConfig({ SITE_LOCALE: 'en-GB' }).typography).toBe('off');
    expect(loadConfig({ SITE_TYPOGRAPHY: 'off' }).typography).toBe('off');
    expect(loadConfig({ SITE_LOCALE: 'en', SITE_TYPOGRAPHY: 'fr' }).typography).toBe('fr');
    expect(problemsOf({ SITE_TYPOGRAPHY: 'oui' })).toEqual(['SITE_TYPOGRAPHY']);
  });

  it('names each bad variable', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT']);
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT']);
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })).toEqual(['DATABASE_URL']);
    expect(problemsOf({ DATABASE_URL: 'sqlite:' })).toEqual(['DATABASE_URL']);
    expect(problemsOf({ SITE_URL: 'ftp://x' })).toEqual(['SITE_URL']);
    expect(problemsOf({ SITE_URL: 'not a url' })).toEqual(['SITE_URL']);
    expect(problemsOf({ SITE_LOCALE: 'français' })).toEqual(['SITE_LOCALE']);
    expect(problemsOf({ SITE_TIMEZONE: 'Mars/Olympus' })).toEqual(['SITE_TIMEZONE']);
    expect(problemsOf({ LOG_LEVEL: 'loud' })).toEqual(['LOG_LEVEL']);
  });

  it('sizes the page cache in megabytes (PAGE_CACHE_MB, 0: off)', () => {
    expect(loadConfig({}).pageCacheMb).toBe(64);
    expect(loadConfig({ PAGE_CACHE_MB: '0' }).pageCacheMb).toBe(0);
    expect(loadConfig({ PAGE_CACHE_MB: '256' }).pageCacheMb).toBe(256);
    expect(loadConfig({ PAGE_CACHE_MB: '0.5' }).pageCacheMb).toBe(0.5);
    expect(problemsOf({ PAGE_CACHE_MB: 'beaucoup' })).toEqual(['PAGE_CACHE_MB']);
    expect(problemsOf({ PAGE_CACHE_MB: '-1' })).toEqual(['PAGE_CACHE_MB']);
    expect(problemsOf({ PAGE_CACHE_MB: '100000' })).toEqual(['PAGE_CACHE_MB']);
  });

  it('reads the comment feature’s secret, Redis and SMTP settings', () => {
    const config = loadConfig({ SECRET_KEY: 's'.repeat(40), REDIS_URL: 'redis://127.0.0.1:6379', SMTP_URL: 'smtp://u:p@mail.example.org:587', SITE_URL: 'https://www.exemple.fr' });
    expect(config).toMatchObject({ secretKey: 's'.repeat(40), redisUrl: 'redis://127.0.0.1:6379', smtpUrl: 'smtp://u:p@mail.example.org:587', mailFrom: 'Dépêche <no-reply@www.exemple.fr>' });
    expect(loadConfig({})).toMatchObject({ secretKey: null, redisUrl: null, smtpUrl: null });
    expect(problemsOf({ SECRET_KEY: 'court', REDIS_URL: 'localhost:6379', SMTP_URL: 'mail.example.org', MAIL_FROM: 'personne' })).toEqual(['SECRET_KEY', 'REDIS_URL', 'SMTP_URL', 'MAIL_FROM']);
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ PORT: '-1', DATABASE_URL: 'oracle:x', SITE_TIMEZONE: 'Nowhere' })).toEqual(['PORT', 'DATABASE_URL', 'SITE_TIMEZONE']);
  });

  it('reads the settings of several nodes: Redis prefix and scheduler interval', () => {
    expect(loadConfig({})).toMatchObject({ redisPrefix: 'depeche:', schedulerIntervalMs: 5000 });
    expect(loadConfig({ REDIS_PREFIX: 'journal-1:', SCHEDULER_INTERVAL_MS: '250' })).toMatchObject({ redisPrefix: 'journal-1:', schedulerIntervalMs: 250 });
    expect(problemsOf({ REDIS_PREFIX: 'avec espace', SCHEDULER_INTERVAL_MS: '10' })).toEqual(['REDIS_PREFIX', 'SCHEDULER_INTERVAL_MS']);
    expect(problemsOf({ SCHEDULER_INTERVAL_MS: 'souvent' })).toEqual(['SCHEDULER_INTERVAL_MS']);
  });

  it('keeps media on the local disk by default, in an S3 bucket when told', () => {
    expect(loadConfig({})).toMatchObject({ mediaStorage: { kind: 'local' }, mediaPublicUrl: null });
    const s3 = { MEDIA_STORAGE: 's3', S3_ENDPOINT: 'https://s3.eu-west-3.amazonaws.com/', S3_BUCKET: 'journal-media', S3_ACCESS_KEY_ID: 'AKIA', S3_SECRET_ACCESS_KEY: 'secret' };
    expect(loadConfig(s3).mediaStorage).toEqual({ kind: 's3', endpoint: 'https://s3.eu-west-3.amazonaws.com', bucket: 'journal-media', region: 'us-east-1', accessKeyId: 'AKIA', secretAccessKey: 'secret', forcePathStyle: false });
    expect(loadConfig({ ...s3, S3_REGION: 'eu-west-3', S3_FORCE_PATH_STYLE: 'true' }).mediaStorage).toMatchObject({ region: 'eu-west-3', forcePathStyle: true });
    expect(loadConfig({ MEDIA_PUBLIC_URL: 'https://cdn.exemple.fr/media/' }).mediaPublicUrl).toBe('https://cdn.exemple.fr/media');
  });

  it('names each missing or bad S3 variable on its own', () => {
    expect(problemsOf({ MEDIA_STORAGE: 's3' })).toEqual(['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']);
    expect(problemsOf({ MEDIA_STORAGE: 's3', S3_ENDPOINT: 'ftp://x', S3_BUCKET: 'Majuscules', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', S3_FORCE_PATH_STYLE: 'peut-être' })).toEqual(['S3_ENDPOINT', 'S3_BUCKET', 'S3_FORCE_PATH_STYLE']);
    expect(problemsOf({ MEDIA_STORAGE: 'nuage' })).toEqual(['MEDIA_STORAGE']);
    expect(problemsOf({ MEDIA_PUBLIC_URL: 'cdn.exemple.fr' })).toEqual(['MEDIA_PUBLIC_URL']);
  });
});
