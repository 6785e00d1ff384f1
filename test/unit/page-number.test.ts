import { describe, expect, it } from 'vitest';
import { DepecheError } from '../../src/errors.js';
import { pageNumber } from '../../src/web/page-number.js';

describe('page numbers', () => {
  it('defaults to 1 and reads positive integers', () => {
    expect(pageNumber({})).toBe(1);
    expect(pageNumber({ page: '3' })).toBe(3);
    expect(pageNumber({ page: '99999999999' })).toBe(99999999999);
  });

  it.each(['-1', '0', 'abc', '1.5', '', '1e3', ' 2', '9'.repeat(40)])('refuses %j', (page) => {
    expect(() => pageNumber({ page })).toThrow(DepecheError);
  });

  it('refuses repeated parameters', () => {
    expect(() => pageNumber({ page: ['1', '2'] })).toThrow(DepecheError);
  });
});
