import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeFrench, analyzeTerms } from '../../src/domain/text/french-analyzer.js';
import { foldText } from '../../src/domain/text/fold.js';

const terms = (text: string) => analyzeTerms(text);
const forms = (text: string) => analyzeFrench(text).map((t) => t.form);

describe('French analysis', () => {
  it('folds case and accents, and spells out ligatures', () => {
    expect(foldText('ÉLYSÉE Cœur Ça Noël Æther straße')).toBe('elysee coeur ca noel aether strasse');
    // Accent-less words share the written form; the search service maps it to the accented word's stem.
    expect(forms('Élysée')).toEqual(forms('elysee'));
    expect(terms('Élections')).toEqual(terms('élections'));
    expect(terms('cœur')).toEqual(terms('coeur'));
    expect(terms('garçon')).toEqual(terms('GARÇON'));
    expect(forms('Français Francais')).toEqual(['francais', 'francais']);
  });

  it('splits elisions with both apostrophes, and drops the elided word', () => {
    for (const elided of ['l’', "l'", 'd’', "d'", 'j’', 'qu’', "qu'", 'n’', 's’', 'c’', 'm’', 't’', 'jusqu’', "lorsqu'", 'puisqu’']) {
      expect(forms(`${elided}armée`), elided).toEqual(['armee']);
    }
    expect(forms('L’Élysée, d’Ukraine, aujourd’hui')).toEqual(['elysee', 'ukraine', 'aujourdhui']);
    expect(terms('l’armée')).toEqual(terms('armées'));
  });

  it('splits hyphenated words into their parts', () => {
    expect(forms('États-Unis')).toEqual(['etats', 'unis']);
    expect(terms('Etats-Unis')).toEqual(terms('états unis'));
    expect(forms('cessez-le-feu')).toEqual(['cessez', 'feu']);
    expect(forms('Saint‑Étienne')).toEqual(['saint', 'etienne']);
  });

  it('keeps numbers and dates as written', () => {
    expect(forms('Budget 2028-2034, le 1er décembre 2025 à 14 h 05, 22/05/2012, COP30')).toEqual(['budget', '2028', '2034', '1er', 'decembre', '2025', '14', '05', '22', '05', '2012', 'cop30']);
  });

  it('drops French stop words, accented or not', () => {
    expect(forms('le chat et la souris dans les champs')).toEqual(['chat', 'souris', 'champs']);
    expect(forms('même meme étaient etaient')).toEqual([]);
    expect(forms('un été chaud')).toEqual(['ete', 'chaud']);
  });

  it('conflates plurals and inflections with Snowball French', () => {
    expect(terms('élection élections électoral électorale')).toEqual(['elect', 'elect', 'electoral', 'electoral']);
    expect(terms('cheval chevaux journal journaux bijou bijoux')).toEqual(['cheval', 'cheval', 'journal', 'journal', 'bijou', 'bijou']);
    expect(terms('français française françaises')).toEqual(['franc', 'franc', 'franc']);
    expect(terms('hôpital hôpitaux')).toEqual(['hopital', 'hopital']);
  });

  it('keeps proper names, Kyiv and Kiev as written', () => {
    expect(terms('Poutine')).toEqual(terms('poutine'));
    expect(terms('Kyiv')).toEqual(['kyiv']);
    expect(terms('Kiev')).toEqual(['kiev']);
    expect(terms('Macron Trump Obama')).toHaveLength(3);
  });

  it('removes soft hyphens and zero-width characters inside words', () => {
    expect(forms('pre\u00admier lan\u00adceur')).toEqual(['premier', 'lanceur']);
    expect(forms('zéro\u200blargeur')).toEqual(['zerolargeur']);
  });

  it('gives offsets that point at the word in the text', () => {
    const text = 'Hier, l’Élysée et les États-Unis.';
    for (const token of analyzeFrench(text)) expect(foldText(text.slice(token.start, token.end)).replace(/\p{P}/gu, '')).toBe(token.form);
    expect(analyzeFrench(text).map((t) => t.position)).toEqual([0, 1, 2, 3]);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const tokens = analyzeFrench(text);
        for (const t of tokens) {
          expect(t.term).toMatch(/^[\p{L}\p{N}]+$/u);
          expect(t.form).toMatch(/^[\p{L}\p{N}]+$/u);
        }
      }),
      { numRuns: 500 },
    );
    expect(analyzeFrench(undefined as unknown as string)).toEqual([]);
  });

  const frenchText = fc
    .array(fc.oneof(fc.constantFrom('é', 'è', 'ê', 'à', 'ç', 'œ', 'ï', 'ù', 'É', "'", '’', '-', ' ', ' ', ',', '1', '«', '»'), fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 8 })), { maxLength: 40 })
    .map((parts) => parts.join(''));

  it('is idempotent on its output: analysing the written forms again gives the same forms', () => {
    fc.assert(
      fc.property(frenchText, (text) => {
        const once = forms(text);
        expect(forms(once.join(' '))).toEqual(once);
      }),
      { numRuns: 500 },
    );
  });

  it('folds accents and case in either order', () => {
    fc.assert(
      fc.property(frenchText, (text) => {
        expect(foldText(text.toUpperCase())).toBe(foldText(text.toLowerCase()));
        expect(foldText(foldText(text))).toBe(foldText(text));
        expect(forms(text.toUpperCase())).toEqual(forms(text));
      }),
      { numRuns: 500 },
    );
  });
});
