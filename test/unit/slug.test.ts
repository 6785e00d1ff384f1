import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSlug, slugify, MAX_SLUG_LENGTH } from '../../src/domain/slug.js';

describe('slugify', () => {
  it('folds French accents, ligatures and apostrophes', () => {
    expect(slugify('L’État déçu par l’œuvre')).toBe('l-etat-decu-par-l-oeuvre');
    expect(slugify('Économie : où va la croissance ?')).toBe('economie-ou-va-la-croissance');
    expect(slugify('Noël à Besançon, Ça va être « génial » !')).toBe('noel-a-besancon-ca-va-etre-genial');
    expect(slugify('ÆSCHYLE et Straße')).toBe('aeschyle-et-strasse');
  });

  it('keeps digits and collapses separators', () => {
    expect(slugify('  COP30 — 2025 / bilan  ')).toBe('cop30-2025-bilan');
    expect(slugify('---')).toBe('');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('Un titre très long '.repeat(12));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toMatch(/(^|-)(un|titre|tres|long)$/);
  });

  it('always yields a valid slug or an empty string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const slug = slugify(text);
        expect(slug === '' || isSlug(slug)).toBe(true);
      }),
    );
  });
});

describe('isSlug', () => {
  it('accepts only lowercase ASCII words joined by single hyphens', () => {
    expect(isSlug('plan-de-paix')).toBe(true);
    expect(isSlug('Plan-de-paix')).toBe(false);
    expect(isSlug('plan--de')).toBe(false);
    expect(isSlug('-plan')).toBe(false);
    expect(isSlug('élan')).toBe(false);
    expect(isSlug('')).toBe(false);
  });
});
