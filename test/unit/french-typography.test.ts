import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frenchTypography, splitOrdinals, typeset } from '../../src/domain/text/french-typography.js';
import { frenchTypographyHtml } from '../../src/domain/text/typography-html.js';
import { renderDocument } from '../../src/domain/document/render-document.js';
import { validateDocument } from '../../src/domain/document/validate-document.js';

/** Writes the invisible spaces so failures are readable: ⍽ no-break space, · narrow no-break space. */
const show = (text: string) => text.replace(/\u00a0/g, '⍽').replace(/\u202f/g, '·');
/** The same notation, the other way: expectations are written with ⍽ and ·. */
const spaces = (text: string) => text.replace(/⍽/g, '\u00a0').replace(/·/g, '\u202f');

const set = (text: string) => show(frenchTypography(text));

describe('French typography on plain text', () => {
  it.each([
    // Quotes: straight double quotes become « guillemets » with no-break spaces inside.
    ['Il a dit "non" hier.', 'Il a dit «⍽non⍽» hier.'],
    ['"Oui", répond-elle.', '«⍽Oui⍽», répond-elle.'],
    ['Il a dit " non " hier.', 'Il a dit «⍽non⍽» hier.'],
    // Nested quotes: the inner ones are “anglaises”, as French does inside guillemets.
    ['"Il m\'a dit "jamais" hier", raconte-t-il.', '«⍽Il m’a dit “jamais” hier⍽», raconte-t-il.'],
    ['« Il a crié "au secours" »', '«⍽Il a crié “au secours”⍽»'],
    // Guillemets already there get their spaces; missing ones are added.
    ['«mot»', '«⍽mot⍽»'],
    ['« mot »', '«⍽mot⍽»'],
    // High punctuation takes a narrow no-break space, added or replacing the writer's.
    ['Quoi? Vraiment! Oui; non: peut-être.', 'Quoi·? Vraiment·! Oui·; non·: peut-être.'],
    ['Pourquoi ?!', 'Pourquoi·?!'],
    ['Ce n\'est pas « bien »!', 'Ce n’est pas «⍽bien⍽»·!'],
    // Apostrophes, ellipsis.
    ["L'État et l'« affaire » aujourd'hui", 'L’État et l’«⍽affaire⍽» aujourd’hui'],
    ['Et puis... rien.', 'Et puis… rien.'],
    ['Et puis.... rien.', 'Et puis.... rien.'],
    // Ordinals: misspellings corrected (the <sup> comes with markup, see splitOrdinals).
    ['le XIXème siècle, la 2ème fois, la 1ère, le 1er mai, les 2èmes', 'le XIXe siècle, la 2e fois, la 1re, le 1er mai, les 2es'],
    // Times.
    ['À 14h05, puis à 9 h et 18 h 30.', 'À 14⍽h⍽05, puis à 9⍽h et 18⍽h⍽30.'],
    ['Ouvert 24h/24', 'Ouvert 24⍽h/24'],
    ['les 35 h par semaine', 'les 35⍽h par semaine'],
    // Numbers and units.
    ['50% des voix, 30 km, 12 kg, 3 millions, 20 €', '50⍽% des voix, 30⍽km, 12⍽kg, 3⍽millions, 20⍽€'],
    // Thousands, but never years, decimals, postcodes or phone numbers.
    ['125000 habitants, 12 345 euros, 1 500 000 personnes', '125·000 habitants, 12·345⍽euros, 1·500·000 personnes'],
    ['en 2025, 3,14159, 75001 Paris, +33612345678', 'en 2025, 3,14159, 75001 Paris, +33612345678'],
    ['en 2025 300 manifestants', 'en 2025 300 manifestants'],
    ['Le 3 000e visiteur', 'Le 3·000e visiteur'],
    // Times and ratios with a colon stay as written.
    ['Score 3:2 à 14:05', 'Score 3:2 à 14:05'],
  ])('%s', (input, expected) => {
    expect(set(input)).toBe(expected);
  });

  it('leaves URLs and e-mail addresses alone', () => {
    expect(set('Voir https://example.org/a?b=1&c=d; écrire à a.b@example.fr!')).toBe('Voir https://example.org/a?b=1&c=d; écrire à a.b@example.fr·!');
    expect(set('Le site www.example.fr/page?x=1 : à lire')).toBe('Le site www.example.fr/page?x=1·: à lire');
    expect(set("http://example.org/l'url?q=\"x\"")).toBe("http://example.org/l'url?q=\"x\"");
  });

  it('does not take capitalised words for Roman numerals', () => {
    expect(splitOrdinals(frenchTypography('Le Ce De Me Les Mes Vers Ver'))).toEqual(['Le Ce De Me Les Mes Vers Ver']);
    expect(splitOrdinals('François Ier, la Ve République, le XXIe siècle, le 1er mai, la 2de, les 1res')).toEqual([
      'François I', { sup: 'er' }, ', la V', { sup: 'e' }, ' République, le XXI', { sup: 'e' }, ' siècle, le 1', { sup: 'er' }, ' mai, la 2de, les 1', { sup: 'res' },
    ]);
    // Not ordinals: hexadecimal colours, scientific notation, words.
    expect(splitOrdinals('#1e1e1e 1e10 Cie')).toEqual(['#1e1e1e 1e10 Cie']);
  });

  it('keeps already correct text as it is', () => {
    const correct = spaces('«⍽Il est 14⍽h⍽05⍽», dit-elle·; l’État verse 1·200⍽€… Vraiment·?');
    expect(frenchTypography(correct)).toBe(correct);
    expect(frenchTypography('Une phrase sans rien de particulier.')).toBe('Une phrase sans rien de particulier.');
  });

  it('is idempotent on any mix of tricky characters', () => {
    const alphabet = ['a', 'é', 'L', 'X', 'I', 'V', 'e', 'r', 'h', ' ', '\u00a0', '\u202f', '"', "'", '«', '»', '“', '”', '!', '?', ':', ';', '.', ',', '%', '€', '1', '2', '0', '5', '/', 'k', 'm', '(', ')', '-', '@', 'w'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
        const once = frenchTypography(text);
        expect(show(frenchTypography(once))).toBe(show(once));
      }),
      { numRuns: 20000 },
    );
  });

  it('is off for sites that do not want it', () => {
    expect(typeset('Il a dit "non" : 12345', 'off')).toBe('Il a dit "non" : 12345');
    expect(typeset('Il a dit "non"', 'fr')).toBe(spaces('Il a dit «⍽non⍽»'));
  });
});

describe('French typography on rendered HTML', () => {
  const html = (input: string) => show(frenchTypographyHtml(input));

  it('changes text nodes only, never attributes', () => {
    expect(html('<p title="Il a dit &quot;non&quot; : 12345">Il a dit &quot;non&quot; : 12345</p>')).toBe('<p title="Il a dit &quot;non&quot; : 12345">Il a dit «⍽non⍽»·: 12·345</p>');
    expect(html('<a href="https://x.fr/?a=1&amp;b=\'2\'">lien</a>')).toBe('<a href="https://x.fr/?a=1&amp;b=\'2\'">lien</a>');
    expect(html('<h2 id="l-etat">L&#39;État ?</h2>')).toBe('<h2 id="l-etat">L’État·?</h2>');
  });

  it('leaves code, preformatted text and URLs as written', () => {
    const code = '<p>Tapez <code>x = "a"; y?z...</code> puis <a href="https://x.fr/?q=1">https://x.fr/?q=1</a>!</p>';
    expect(html(code)).toBe('<p>Tapez <code>x = "a"; y?z...</code> puis <a href="https://x.fr/?q=1">https://x.fr/?q=1</a>·!</p>');
    expect(html('<pre>if (a) { "b"; }</pre>')).toBe('<pre>if (a) { "b"; }</pre>');
  });

  it('follows quotes across inline elements but not across paragraphs', () => {
    expect(html('<p>Il a dit &quot;<em>non</em>&quot; puis <strong>oui</strong>?</p>')).toBe('<p>Il a dit «⍽<em>non</em>⍽» puis <strong>oui</strong>·?</p>');
    expect(html('<p>Un "guillemet perdu</p><p>"Nouveau" départ</p>')).toBe('<p>Un «⍽guillemet perdu</p><p>«⍽Nouveau⍽» départ</p>');
  });

  it('puts ordinal suffixes in <sup>, once', () => {
    const once = frenchTypographyHtml('<p>Le 1er mai, au XXIe siècle, la 2ème fois.</p>');
    expect(once).toBe('<p>Le 1<sup>er</sup> mai, au XXI<sup>e</sup> siècle, la 2<sup>e</sup> fois.</p>');
    expect(frenchTypographyHtml(once)).toBe(once);
  });

  it('is idempotent on any mix of text, entities and inline elements', () => {
    const pieces = ['a', 'É', 'I', 'X', 'e', 'r', ' ', '\u00a0', '1', '0', 'h', '%', '!', '?', ':', ';', '.', '«', '»', '&quot;', '&#39;', '&amp;', '&lt;', '<em>', '</em>', '</p><p>', '<code>"x";</code>', '<sup>e</sup>', '<a href="/x?a=1">', '</a>'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => `<p>${p.join('')}</p>`), (markup) => {
        const once = frenchTypographyHtml(markup);
        expect(show(frenchTypographyHtml(once))).toBe(show(once));
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps entities it does not know', () => {
    expect(html('<p>A &eacute; B : C</p>')).toBe('<p>A &eacute; B·: C</p>');
  });

  it('is idempotent on a rendered article body', () => {
    const doc = validateDocument({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Le ministre a déclaré : "Nous verrons..." ' }, { type: 'text', text: 'Vraiment', marks: [{ type: 'italic' }] }, { type: 'text', text: '? 15000 personnes à 9h30.' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: "L'enjeu du XXIe siècle" }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Code : ' }, { type: 'text', text: 'a = "b"; c?d', marks: [{ type: 'code' }] }, { type: 'text', text: ' et ' }, { type: 'text', text: 'le "lien"', marks: [{ type: 'link', attrs: { href: 'https://example.org/?a="x"&b=1' } }] }] },
      ],
    });
    const once = renderDocument(doc, { typography: 'fr' });
    expect(show(once)).toBe(
      '<p>Le ministre a déclaré·: «⍽Nous verrons…⍽» <em>Vraiment</em>·? 15·000 personnes à 9⍽h⍽30.</p>' +
        '<h2 id="l-enjeu-du-xxie-siecle">L’enjeu du XXI<sup>e</sup> siècle</h2>' +
        '<p>Code·: <code>a = &quot;b&quot;; c?d</code> et <a href="https://example.org/?a=&quot;x&quot;&amp;b=1" rel="noopener">le «⍽lien⍽»</a></p>',
    );
    expect(frenchTypographyHtml(once)).toBe(once);
    // Off: the renderer's output is untouched.
    expect(renderDocument(doc)).not.toContain('«');
  });
});
