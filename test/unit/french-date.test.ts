import { describe, expect, it } from 'vitest';
import { formatFrenchDate, formatFrenchDateTime, frenchTime, isoWithOffset } from '../../src/domain/text/french-date.js';

const NBSP = '\u00a0';

describe('French dates', () => {
  it('writes the first of the month as "1er" with the weekday and time', () => {
    const date = new Date('2025-12-01T13:05:00Z');
    expect(formatFrenchDateTime(date, 'Europe/Paris')).toBe(`lundi 1er décembre 2025 à 14${NBSP}h${NBSP}05`);
    expect(formatFrenchDate(date, 'Europe/Paris')).toBe('lundi 1er décembre 2025');
  });

  it('writes other days as plain numbers', () => {
    expect(formatFrenchDate(new Date('2025-11-03T08:00:00Z'), 'Europe/Paris')).toBe('lundi 3 novembre 2025');
  });

  it('pads minutes, not hours', () => {
    expect(frenchTime(9, 5)).toBe(`9${NBSP}h${NBSP}05`);
    expect(formatFrenchDateTime(new Date('2025-07-14T07:00:00Z'), 'Europe/Paris')).toBe(`lundi 14 juillet 2025 à 9${NBSP}h${NBSP}00`);
  });

  it('uses the site time zone, across the day boundary and summer time', () => {
    const lateUtc = new Date('2025-12-31T23:30:00Z');
    expect(formatFrenchDate(lateUtc, 'Europe/Paris')).toBe('jeudi 1er janvier 2026');
    expect(formatFrenchDate(lateUtc, 'UTC')).toBe('mercredi 31 décembre 2025');
    expect(isoWithOffset(new Date('2025-12-01T13:05:00Z'), 'Europe/Paris')).toBe('2025-12-01T14:05:00+01:00');
    expect(isoWithOffset(new Date('2025-06-01T07:00:00Z'), 'Europe/Paris')).toBe('2025-06-01T09:00:00+02:00');
    expect(isoWithOffset(new Date('2025-06-01T07:00:00Z'), 'UTC')).toBe('2025-06-01T07:00:00+00:00');
    expect(isoWithOffset(new Date('2025-06-01T07:00:00Z'), 'America/Montreal')).toBe('2025-06-01T03:00:00-04:00');
  });
});
