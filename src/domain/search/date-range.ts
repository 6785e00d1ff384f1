/** Search date filters: "du 2025-11-01 au 2025-11-30", read as whole days in the site's time zone. */
import { zonedParts } from '../text/french-date.js';

/** Midnight starting a calendar day (YYYY-MM-DD) in a time zone, or undefined if not a real date. */
export function startOfDay(day: string, timeZone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, date);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date || year < 1900 || year > 2200) return undefined;
  // The zone's offset at that moment, applied twice to settle across a change of offset.
  let instant = utc;
  for (let i = 0; i < 2; i++) instant = utc - offsetMs(new Date(instant), timeZone);
  return instant;
}

function offsetMs(date: Date, timeZone: string): number {
  const { offset } = zonedParts(date, timeZone);
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  return sign * ((h ?? 0) * 60 + (m ?? 0)) * 60_000;
}

/** The midnight after a day (an "au" date includes its whole day). */
export function endOfDay(day: string, timeZone: string): number | undefined {
  const start = startOfDay(day, timeZone);
  if (start === undefined) return undefined;
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return startOfDay(next, timeZone);
}
