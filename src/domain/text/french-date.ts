/**
 * Dates written the French way: "lundi 1er décembre 2025 à 14 h 05".
 * Intl gives the parts in the site's time zone; the assembly (ordinal "1er", "14 h 05")
 * is French usage that Intl does not produce.
 */

const NBSP = '\u00a0';

/** Calendar parts of an instant in a time zone. */
export interface ZonedParts {
  weekday: string;
  day: number;
  month: string;
  year: number;
  hour: number;
  minute: number;
  /** Offset from UTC, e.g. "+01:00". */
  offset: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('fr-FR', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// Intl.formatToParts is slow and pages show the same few dates again and again.
const partsCache = new Map<string, ZonedParts>();
const PARTS_CACHE_SIZE = 10_000;

/** Splits an instant into its calendar parts in a time zone. */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const key = `${timeZone}|${Math.floor(date.getTime() / 60_000)}`;
  const cached = partsCache.get(key);
  if (cached !== undefined) return cached;
  const computed = computeZonedParts(date, timeZone);
  if (partsCache.size >= PARTS_CACHE_SIZE) partsCache.clear();
  partsCache.set(key, computed);
  return computed;
}

function computeZonedParts(date: Date, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  const offsetName = parts.timeZoneName ?? 'UTC';
  const offset = offsetName === 'UTC' || offsetName === 'GMT' ? '+00:00' : offsetName.replace(/^(UTC|GMT)/, '').replace('−', '-');
  return {
    weekday: parts.weekday ?? '',
    day: Number(parts.day),
    month: parts.month ?? '',
    year: Number(parts.year),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    offset: /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '+00:00',
  };
}

/** "1er" for the first of the month, the plain number otherwise. */
export function frenchDayOfMonth(day: number): string {
  return day === 1 ? '1er' : String(day);
}

/** "14 h 05" with no-break spaces, as French typography writes hours. */
export function frenchTime(hour: number, minute: number): string {
  return `${hour}${NBSP}h${NBSP}${String(minute).padStart(2, '0')}`;
}

/** "lundi 1er décembre 2025". */
export function formatFrenchDate(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.weekday} ${frenchDayOfMonth(p.day)} ${p.month} ${p.year}`;
}

/** "lundi 1er décembre 2025 à 14 h 05". */
export function formatFrenchDateTime(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.weekday} ${frenchDayOfMonth(p.day)} ${p.month} ${p.year} à ${frenchTime(p.hour, p.minute)}`;
}

/** ISO 8601 with the zone's offset, for `<time datetime>`: "2025-12-01T14:05:00+01:00". */
export function isoWithOffset(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const local = new Date(date.getTime() + offsetMinutes(p.offset) * 60_000);
  return `${local.toISOString().slice(0, 19)}${p.offset}`;
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  return sign * ((h ?? 0) * 60 + (m ?? 0));
}
