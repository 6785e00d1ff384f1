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
  /** Where uploaded and generated media files are stored. */
  mediaDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  production: boolean;
  /**
   * Server secret (SECRET_KEY) keying form tokens and IP hashes; when absent one is generated
   * and kept in the settings table so every node shares it. Never logged.
   */
  secretKey: string | null;
  /** Redis for state shared between app processes (rate limits), or null: in-process. */
  redisUrl: string | null;
  /** SMTP server for notification emails (smtp:// or smtps://), or null: no email is sent. */
  smtpUrl: string | null;
  /** Sender of notification emails. */
  mailFrom: string;
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

  const importMaxText = read('IMPORT_MAX_MB');
  const importMaxMb = /^\d{1,5}$/.test(importMaxText) ? Number(importMaxText) : NaN;
  // JSON imports are parsed whole: above ~500 MB the text no longer fits in one V8 string.
  if (!(importMaxMb >= 1 && importMaxMb <= 500)) problems.push({ variable: 'IMPORT_MAX_MB', problem: `must be an integer from 1 to 500 (megabytes; got "${importMaxText}")` });

  if (problems.length > 0 || typeof database === 'string') throw new ConfigError(problems);
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
    logLevel: logLevel as Config['logLevel'],
    production: env.NODE_ENV === 'production',
    secretKey: secretKey === '' ? null : secretKey,
    redisUrl: redisUrl === '' ? null : redisUrl,
    smtpUrl: smtpUrl === '' ? null : smtpUrl,
    mailFrom: mailFrom === '' ? `${siteName} <no-reply@${siteHost(siteUrl)}>` : mailFrom,
    importMaxBytes: importMaxMb * 1024 * 1024,
  };
}
