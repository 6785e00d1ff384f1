/** Site settings of reader comments: defaults and validation (stored as one JSON setting). */

/** A count allowed per time window. */
export interface RateLimitSetting {
  max: number;
  windowSeconds: number;
}

/** Everything an operator can tune about comments. */
export interface CommentSettings {
  /** Deepest reply level shown and accepted (1: no replies). */
  threadDepth: number;
  /** Comments close this many days after publication; 0: never. */
  closeAfterDays: number;
  /** Seconds a person needs at least between opening the page and posting (the time trap). */
  minSecondsBeforePost: number;
  /** Hours a rendered form stays valid. */
  formValidHours: number;
  /** Links allowed in one comment (text and website field aside). */
  maxLinks: number;
  /** Longest comment, in characters. */
  maxLength: number;
  /** Words or phrases that send a comment to the spam queue (case- and accent-insensitive). */
  blockedWords: string[];
  /** Email addresses (or "@domain") that send a comment to the spam queue. */
  blockedEmails: string[];
  /** IP addresses (or prefixes ending with "." or ":") that send a comment to the spam queue. */
  blockedIps: string[];
  /** Posts accepted per IP address. */
  perIpLimit: RateLimitSetting;
  /** Comments accepted per article. */
  perArticleLimit: RateLimitSetting;
  /** Email moderators and the article's authors about comments to moderate (needs SMTP). */
  notifyByEmail: boolean;
}

/** The defaults: moderate first-time commenters, three reply levels, never close. */
export const DEFAULT_COMMENT_SETTINGS: Readonly<CommentSettings> = Object.freeze({
  threadDepth: 3,
  closeAfterDays: 0,
  minSecondsBeforePost: 3,
  formValidHours: 48,
  maxLinks: 2,
  maxLength: 10_000,
  blockedWords: [],
  blockedEmails: [],
  blockedIps: [],
  perIpLimit: { max: 10, windowSeconds: 600 },
  perArticleLimit: { max: 120, windowSeconds: 600 },
  notifyByEmail: false,
});

const INTEGER_FIELDS = {
  threadDepth: [1, 10],
  closeAfterDays: [0, 36_500],
  minSecondsBeforePost: [0, 3_600],
  formValidHours: [1, 24 * 365],
  maxLinks: [0, 100],
  maxLength: [100, 100_000],
} as const satisfies Partial<Record<keyof CommentSettings, readonly [number, number]>>;

function copyOf(settings: Readonly<CommentSettings>): CommentSettings {
  return { ...settings, blockedWords: [...settings.blockedWords], blockedEmails: [...settings.blockedEmails], blockedIps: [...settings.blockedIps], perIpLimit: { ...settings.perIpLimit }, perArticleLimit: { ...settings.perArticleLimit } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, field: string, problems: string[]): string[] | undefined {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    problems.push(`${field} must be a list of strings`);
    return undefined;
  }
  return value.map((v) => v.trim()).filter((v) => v !== '');
}

function limit(value: unknown, field: string, problems: string[]): RateLimitSetting | undefined {
  if (isRecord(value) && Number.isInteger(value.max) && Number.isInteger(value.windowSeconds) && (value.max as number) >= 1 && (value.windowSeconds as number) >= 1) {
    return { max: value.max as number, windowSeconds: value.windowSeconds as number };
  }
  problems.push(`${field} must be { max, windowSeconds } with positive integers`);
  return undefined;
}

/**
 * Merges a partial change into settings, checking every field; returns the problems found
 * (unknown keys included) or the new settings.
 */
export function mergeCommentSettings(base: Readonly<CommentSettings>, patch: unknown): { settings: CommentSettings } | { problems: string[] } {
  if (!isRecord(patch)) return { problems: ['settings must be an object'] };
  const problems: string[] = [];
  const next = copyOf(base);
  for (const [key, value] of Object.entries(patch)) {
    if (key in INTEGER_FIELDS) {
      const [min, max] = INTEGER_FIELDS[key as keyof typeof INTEGER_FIELDS];
      if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) (next as unknown as Record<string, number>)[key] = value;
      else problems.push(`${key} must be an integer from ${min} to ${max}`);
    } else if (key === 'blockedWords' || key === 'blockedEmails' || key === 'blockedIps') {
      const list = stringList(value, key, problems);
      if (list) next[key] = key === 'blockedEmails' ? list.map((e) => e.toLowerCase()) : list;
    } else if (key === 'perIpLimit' || key === 'perArticleLimit') {
      const parsed = limit(value, key, problems);
      if (parsed) next[key] = parsed;
    } else if (key === 'notifyByEmail') {
      if (typeof value === 'boolean') next.notifyByEmail = value;
      else problems.push('notifyByEmail must be true or false');
    } else {
      problems.push(`unknown setting "${key}"`);
    }
  }
  return problems.length > 0 ? { problems } : { settings: next };
}

/** Settings read back from storage: what is missing or invalid falls back to the defaults. */
export function readCommentSettings(stored: unknown): CommentSettings {
  let settings = copyOf(DEFAULT_COMMENT_SETTINGS);
  if (!isRecord(stored)) return settings;
  for (const [key, value] of Object.entries(stored)) {
    const merged = mergeCommentSettings(settings, { [key]: value });
    if ('settings' in merged) settings = merged.settings;
  }
  return settings;
}
