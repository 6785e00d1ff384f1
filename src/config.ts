/**
 * Environment → typed, validated configuration. Nothing else in Dépêche reads `process.env`.
 * Every bad variable is reported at once, each on one line naming it.
 */
import type { TypographyMode } from './domain/text/french-typography.js';
import { DepecheError } from './errors.js';

/** Where the data lives: an embedded SQLite file or a PostgreSQL server. */
export type DatabaseConfig =
  | { kind: 'sqlite'; filename: string }
  | { kind: 'postgres'; connectionString: string };

/** Where media files are kept: the local disk (MEDIA_DIR) or an S3-compatible bucket. */
export type MediaStorageConfig =
  | { kind: 'local' }
  | {
      kind: 's3';
      /** Base URL of the S3 API, e.g. https://s3.eu-west-3.amazonaws.com or http://127.0.0.1:9000. */
      endpoint: string;
      bucket: string;
      region: string;
      accessKeyId: string;
      /** Never logged. */
      secretAccessKey: string;
      /** Bucket in the path (endpoint/bucket/key, MinIO and most self-hosted servers) rather than in the host name. */
      forcePathStyle: boolean;
    };

/** The validated configuration of one Dépêche process. */
export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Public base URL without trailing slash, used for absolute links. */
  siteUrl: string;
  siteName: string;
  /** BCP 47 locale of the site, e.g. fr-FR. */
  siteLocale: string;
  /** The site's language (first subtag of the locale), e.g. fr; the `<html lang>`. */
  siteLanguage: string;
  /** IANA time zone in which dates are shown to readers. */
  timeZone: string;
  /** French typography on titles, deks and bodies ("fr"), or text left as written ("off"). */
  typography: TypographyMode;
  /** Where uploaded and generated media files are stored (the local storage's folder). */
  mediaDir: string;
  /** Which storage holds media files (MEDIA_STORAGE). */
  mediaStorage: MediaStorageConfig;
  /**
   * Base URL under which readers fetch media files (a CDN or the bucket), without trailing
   * slash; null: the site serves them itself under /media/.
   */
  mediaPublicUrl: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  production: boolean;
  /**
   * Server secret (SECRET_KEY) keying form tokens and IP hashes; when absent one is generated
   * and kept in the settings table so every node shares it. Never logged.
   */
  secretKey: string | null;
  /** Redis for state shared between app processes (rate limits, cache invalidation), or null: in-process. */
  redisUrl: string | null;
  /** Prefix of every Redis key and channel, so several sites (or test runs) can share one server. */
  redisPrefix: string;
  /** Milliseconds between two looks at the publication schedule. */
  schedulerIntervalMs: number;
  /** SMTP server for notification emails (smtp:// or smtps://), or null: no email is sent. */
  smtpUrl: string | null;
  /** Sender of notification emails. */
  mailFrom: string;
  /** Memory for the page cache, in megabytes (PAGE_CACHE_MB); 0 turns the page cache off. */
  pageCacheMb: number;
  /** Largest file an import reads or the admin accepts as an upload (IMPORT_MAX_MB). */
  importMaxBytes: number;
}

/** Defaults in one place. */
export const CONFIG_DEFAULTS = {
  PORT: '3000',
  HOST: '127.0.0.1',
  DATABASE_URL: 'sqlite:./data/depeche.db',
  SITE_NAME: 'Dépêche',
  SITE_LOCALE: 'fr-FR',
  SITE_TIMEZONE: 'Europe/Paris',
  MEDIA_DIR: './data/media',
  LOG_LEVEL: 'info',
  MEDIA_STORAGE: 'local',
  REDIS_PREFIX: 'depeche:',
  SCHEDULER_INTERVAL_MS: '5000',
  S3_REGION: 'us-east-1',
  PAGE_CACHE_MB: '64',
  IMPORT_MAX_MB: '256',
} as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One invalid variable: its name and what is wrong with it. */
export interface ConfigProblem {
  variable: string;
  problem: string;
}

/** Thrown by {@link loadConfig} with every problem found. */
export class ConfigError extends DepecheError {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    super('DEPECHE_CONFIG_INVALID', { detail: problems.map((p) => `${p.variable}: ${p.problem}`).join('; ') });
    this.problems = problems;
  }
}

function parseDatabaseUrl(value: string): DatabaseConfig | string {
  if (value.startsWith('sqlite:')) {
    const filename = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (filename === '') return 'the SQLite file name is empty (e.g. sqlite:./data/depeche.db)';
    return { kind: 'sqlite', filename };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      const url = new URL(value);
      if (url.hostname === '' && !url.searchParams.has('host')) return 'the PostgreSQL URL has no host';
    } catch {
      return 'is not a valid PostgreSQL URL (e.g. postgres://user@127.0.0.1:5432/depeche)';
    }
    return { kind: 'postgres', connectionString: value };
  }
  return 'must start with sqlite: or postgres:// (e.g. sqlite:./data/depeche.db)';
}

function siteHost(siteUrl: string): string {
  try {
    const host = new URL(siteUrl).hostname;
    return host.includes('.') ? host : 'localhost.localdomain';
  } catch {
    return 'localhost.localdomain';
  }
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** MEDIA_STORAGE and, for s3, the S3_* variables (each missing one is its own problem). */
function readMediaStorage(env: Readonly<Record<string, string | undefined>>, read: (name: keyof typeof CONFIG_DEFAULTS) => string, problems: ConfigProblem[]): MediaStorageConfig | undefined {
  const kind = read('MEDIA_STORAGE');
  if (kind === 'local') return { kind: 'local' };
  if (kind !== 's3') {
    problems.push({ variable: 'MEDIA_STORAGE', problem: `must be local or s3 (got "${kind}")` });
    return undefined;
  }
  const value = (name: string) => (env[name] ?? '').trim();
  for (const name of S3_REQUIRED) if (value(name) === '') problems.push({ variable: name, problem: 'is required when MEDIA_STORAGE=s3' });
  const endpoint = value('S3_ENDPOINT').replace(/\/+$/, '');
  if (endpoint !== '') {
    try {
      const url = new URL(endpoint);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      if (url.search !== '' || url.hash !== '') throw new Error('query');
    } catch {
      problems.push({ variable: 'S3_ENDPOINT', problem: `must be an http(s) URL such as https://s3.eu-west-3.amazonaws.com (got "${endpoint}")` });
    }
  }
  const bucket = value('S3_BUCKET');
  if (bucket !== '' && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) problems.push({ variable: 'S3_BUCKET', problem: `is not a valid bucket name (3 to 63 lower-case letters, digits, dots or hyphens; got "${bucket}")` });
  const region = read('S3_REGION');
  if (!/^[a-z0-9-]{1,40}$/.test(region)) problems.push({ variable: 'S3_REGION', problem: `must be a region name such as eu-west-3 (got "${region}")` });
  const pathStyle = value('S3_FORCE_PATH_STYLE').toLowerCase();
  if (!['', 'true', 'false', '1', '0'].includes(pathStyle)) problems.push({ variable: 'S3_FORCE_PATH_STYLE', problem: `must be true or false (got "${pathStyle}")` });
  return {
    kind: 's3',
    endpoint,
    bucket,
    region,
    accessKeyId: value('S3_ACCESS_KEY_ID'),
    secretAccessKey: value('S3_SECRET_ACCESS_KEY'),
    forcePathStyle: pathStyle === 'true' || pathStyle === '1',
  };
}

/** MEDIA_PUBLIC_URL: an absolute http(s) URL or a path of this site, kept without trailing slash. */
function readMediaPublicUrl(env: Readonly<Record<string, string | undefined>>, problems: ConfigProblem[]): string | null {
  const raw = (env.MEDIA_PUBLIC_URL ?? '').trim();
  if (raw === '') return null;
  const bad = () => problems.push({ variable: 'MEDIA_PUBLIC_URL', problem: `must be an http(s) URL or a path such as https://cdn.example.fr/media (got "${raw}")` });
  if (raw.startsWith('/') && !raw.startsWith('//')) {
    if (!/^[A-Za-z0-9/._~-]+$/.test(raw)) bad();
    return raw.replace(/\/+$/, '') || null;
  }
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    if (url.search !== '' || url.hash !== '') throw new Error('query');
    return url.href.replace(/\/+$/, '');
  } catch {
    bad();
    return null;
  }
}

/** Reads and validates the configuration; throws {@link ConfigError} listing every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const problems: ConfigProblem[] = [];
  const read = (name: keyof typeof CONFIG_DEFAULTS): string => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? CONFIG_DEFAULTS[name] : raw.trim();
  };

  const portText = read('PORT');
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 0 && port <= 65535)) problems.push({ variable: 'PORT', problem: `must be an integer from 0 to 65535 (got "${portText}")` });

  const host = read('HOST');
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) problems.push({ variable: 'HOST', problem: `is not a host name or IP address (got "${host}")` });

  const database = parseDatabaseUrl(read('DATABASE_URL'));
  if (typeof database === 'string') problems.push({ variable: 'DATABASE_URL', problem: database });

  let siteUrl = (env.SITE_URL ?? '').trim();
  if (siteUrl === '') {
    siteUrl = `http://localhost:${Number.isNaN(port) ? CONFIG_DEFAULTS.PORT : port}`;
  } else {
    try {
      const url = new URL(siteUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      if (url.search !== '' || url.hash !== '') throw new Error('query');
      siteUrl = url.href.replace(/\/+$/, '');
    } catch {
      problems.push({ variable: 'SITE_URL', problem: `must be an absolute http(s) URL without query, e.g. https://www.example.fr (got "${siteUrl}")` });
    }
  }

  const siteName = read('SITE_NAME');
  if (siteName.length > 120) problems.push({ variable: 'SITE_NAME', problem: 'is longer than 120 characters' });

  const siteLocale = read('SITE_LOCALE');
  let siteLanguage = 'fr';
  if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(siteLocale)) {
    problems.push({ variable: 'SITE_LOCALE', problem: `must be a locale such as fr-FR or fr (got "${siteLocale}")` });
  } else {
    siteLanguage = siteLocale.split('-')[0] ?? 'fr';
  }

  const timeZone = read('SITE_TIMEZONE');
  if (!isTimeZone(timeZone)) problems.push({ variable: 'SITE_TIMEZONE', problem: `is not an IANA time zone such as Europe/Paris (got "${timeZone}")` });

  // French typography by default on French sites only; SITE_TYPOGRAPHY=off|fr decides otherwise.
  const typographyText = (env.SITE_TYPOGRAPHY ?? '').trim();
  const typography: TypographyMode = typographyText === '' ? (siteLanguage === 'fr' ? 'fr' : 'off') : typographyText === 'off' ? 'off' : 'fr';
  if (typographyText !== '' && typographyText !== 'fr' && typographyText !== 'off') problems.push({ variable: 'SITE_TYPOGRAPHY', problem: `must be fr or off (got "${typographyText}")` });

  const logLevel = read('LOG_LEVEL');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) problems.push({ variable: 'LOG_LEVEL', problem: `must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")` });

  const secretKey = (env.SECRET_KEY ?? '').trim();
  if (secretKey !== '' && secretKey.length < 32) problems.push({ variable: 'SECRET_KEY', problem: 'must have at least 32 characters (e.g. the output of `openssl rand -hex 32`)' });

  const redisUrl = (env.REDIS_URL ?? '').trim();
  if (redisUrl !== '' && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) problems.push({ variable: 'REDIS_URL', problem: 'must look like redis://127.0.0.1:6379 or rediss://host:6380' });

  const smtpUrl = (env.SMTP_URL ?? '').trim();
  if (smtpUrl !== '' && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) problems.push({ variable: 'SMTP_URL', problem: 'must look like smtp://user:password@mail.example.org:587 or smtps://…:465' });
  const mailFrom = (env.MAIL_FROM ?? '').trim();
  if (mailFrom !== '' && !/^[^\r\n<>]*<?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(mailFrom)) problems.push({ variable: 'MAIL_FROM', problem: 'must be an address, e.g. "Dépêche <redaction@example.org>"' });

  const redisPrefix = read('REDIS_PREFIX');
  if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(redisPrefix)) problems.push({ variable: 'REDIS_PREFIX', problem: `must be 1 to 64 letters, digits or : _ . - (got "${redisPrefix}")` });

  const intervalText = read('SCHEDULER_INTERVAL_MS');
  const schedulerIntervalMs = /^\d{1,8}$/.test(intervalText) ? Number(intervalText) : NaN;
  if (!(schedulerIntervalMs >= 100 && schedulerIntervalMs <= 3_600_000)) problems.push({ variable: 'SCHEDULER_INTERVAL_MS', problem: `must be a number of milliseconds from 100 to 3600000 (got "${intervalText}")` });

  const mediaStorage = readMediaStorage(env, read, problems);
  const mediaPublicUrl = readMediaPublicUrl(env, problems);

  const pageCacheText = read('PAGE_CACHE_MB');
  const pageCacheMb = /^\d{1,6}(\.\d+)?$/.test(pageCacheText) ? Number(pageCacheText) : NaN;
  if (!(pageCacheMb >= 0 && pageCacheMb <= 65_536)) problems.push({ variable: 'PAGE_CACHE_MB', problem: `must be a number of megabytes from 0 (no page cache) to 65536 (got "${pageCacheText}")` });

  const importMaxText = read('IMPORT_MAX_MB');
  const importMaxMb = /^\d{1,5}$/.test(importMaxText) ? Number(importMaxText) : NaN;
  // JSON imports are parsed whole: above ~500 MB the text no longer fits in one V8 string.
  if (!(importMaxMb >= 1 && importMaxMb <= 500)) problems.push({ variable: 'IMPORT_MAX_MB', problem: `must be an integer from 1 to 500 (megabytes; got "${importMaxText}")` });

  if (problems.length > 0 || typeof database === 'string' || mediaStorage === undefined) throw new ConfigError(problems);
  return {
    port,
    host,
    database,
    siteUrl,
    siteName,
    siteLocale,
    siteLanguage,
    timeZone,
    typography,
    mediaDir: read('MEDIA_DIR'),
    mediaStorage,
    mediaPublicUrl,
    logLevel: logLevel as Config['logLevel'],
    production: env.NODE_ENV === 'production',
    secretKey: secretKey === '' ? null : secretKey,
    redisUrl: redisUrl === '' ? null : redisUrl,
    redisPrefix,
    schedulerIntervalMs,
    smtpUrl: smtpUrl === '' ? null : smtpUrl,
    mailFrom: mailFrom === '' ? `${siteName} <no-reply@${siteHost(siteUrl)}>` : mailFrom,
    pageCacheMb,
    importMaxBytes: importMaxMb * 1024 * 1024,
  };
}
