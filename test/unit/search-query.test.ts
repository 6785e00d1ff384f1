import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedTypos, typoDistance } from '../../src/domain/search/edit-distance.js';
import { MAX_QUERY_LENGTH, parseSearchQuery } from '../../src/domain/search/parse-query.js';
import { buildSnippet, highlightText } from '../../src/domain/search/snippet.js';
import { analyzeTerms } from '../../src/domain/text/french-analyzer.js';

describe('search query language', () => {
  it('reads words, phrases and exclusions', () => {
    expect(parseSearchQuery('plan "de paix" -Moscou -"cessez le feu" ukr')).toEqual({
      clauses: [
        { kind: 'word', text: 'plan', excluded: false },
        { kind: 'phrase', text: 'de paix', excluded: false },
        { kind: 'word', text: 'Moscou', excluded: true },
        { kind: 'phrase', text: 'cessez le feu', excluded: true },
        { kind: 'word', text: 'ukr', excluded: false },
      ],
      lastIsPartial: true,
    });
    expect(parseSearchQuery('ukraine ').lastIsPartial).toBe(false);
    expect(parseSearchQuery('« plan de paix »').clauses).toEqual([{ kind: 'phrase', text: 'plan de paix', excluded: false }]);
  });

  it('ignores an unbalanced quote and treats operators as text', () => {
    expect(parseSearchQuery('"plan de paix').clauses.map((c) => c.text)).toEqual(['plan', 'de', 'paix']);
    expect(parseSearchQuery('NEAR(a b) OR c*').clauses.map((c) => c.text)).toEqual(['NEAR(a', 'b)', 'OR', 'c*']);
    expect(parseSearchQuery('- -').clauses.map((c) => c.text)).toEqual(['-', '-']);
  });

  it('never throws and cuts long queries', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (q) => {
      const parsed = parseSearchQuery(q);
      expect(parsed.clauses.length).toBeLessThanOrEqual(12);
      for (const c of parsed.clauses) expect(c.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    }));
    expect(parseSearchQuery(undefined).clauses).toEqual([]);
    expect(parseSearchQuery('a '.repeat(5000)).clauses).toHaveLength(12);
  });
});

describe('typo distance', () => {
  it('counts substitutions, insertions, deletions and adjacent swaps as one typo', () => {
    expect(typoDistance('poutine', 'poutine', 2)).toBe(0);
    expect(typoDistance('poutine', 'poutinne', 2)).toBe(1);
    expect(typoDistance('poutine', 'poutnie', 2)).toBe(1);
    expect(typoDistance('poutine', 'putine', 2)).toBe(1);
    expect(typoDistance('poutine', 'boutine', 2)).toBe(1);
    expect(typoDistance('electricite', 'electrcitie', 2)).toBe(2);
    expect(typoDistance('marseille', 'lyon', 2)).toBe(3);
  });

  it('tolerates no typo under 5 letters, one from 5, two from 9', () => {
    expect([4, 5, 8, 9, 12].map(allowedTypos)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('highlighted extracts', () => {
  it('highlights the words whose terms match, accents or not', () => {
    expect(highlightText('L’Élysée et les élections', new Set(analyzeTerms('élysée élections')))).toEqual([
      { text: 'L’', highlight: false },
      { text: 'Élysée', highlight: true },
      { text: ' et les ', highlight: false },
      { text: 'élections', highlight: true },
    ]);
  });

  it('cuts a long text around its best cluster of matches', () => {
    const text = `${'Un début sans rapport. '.repeat(20)}Les vignerons de Bourgogne préparent les vendanges. ${'Une fin sans rapport. '.repeat(20)}`;
    const snippet = buildSnippet(text, new Set(analyzeTerms('vignerons vendanges')), 120);
    expect(snippet[0]?.text).toBe('… ');
    expect(snippet.filter((s) => s.highlight).map((s) => s.text)).toEqual(['vignerons', 'vendanges']);
    expect(snippet.map((s) => s.text).join('').length).toBeLessThan(140);
  });
});
