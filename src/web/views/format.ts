/** Small text helpers for templates. */
import { formatFrenchDate, formatFrenchDateTime, isoWithOffset } from '../../domain/text/french-date.js';

/** A date written for readers, with the machine-readable value. */
export function dateParts(date: Date, timeZone: string): { iso: string; long: string; short: string } {
  return { iso: isoWithOffset(date, timeZone), long: formatFrenchDateTime(date, timeZone), short: formatFrenchDate(date, timeZone) };
}

/** "A, B et C". */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** Initials for a text avatar: "Marie Dupont" → "MD". */
export function initials(name: string): string {
  const letters = name
    .split(/[\s\-’']+/)
    .filter((w) => w !== '')
    .map((w) => w[0] ?? '')
    .join('');
  return (letters.slice(0, 2) || '?').toUpperCase();
}

/** "1 commentaire", "2 commentaires". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}
