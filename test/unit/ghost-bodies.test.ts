/** Ghost body converters (Lexical, mobiledoc, Markdown) and the export helpers, on small hand-made inputs. */
import { describe, expect, it } from 'vitest';
import { ghostDate, ghostPermalink, readGhostExport } from '../../src/domain/import/ghost/ghost-export.js';
import { lexicalToHtml } from '../../src/domain/import/ghost/lexical-to-html.js';
import { mobiledocToHtml } from '../../src/domain/import/ghost/mobiledoc-to-html.js';
import { htmlToDocument } from '../../src/domain/import/html-to-document.js';

const text = (t: string, format = 0) => ({ type: 'text', text: t, format });
const lexical = (...children: unknown[]) => JSON.stringify({ root: { type: 'root', children } });

describe('Lexical → HTML', () => {
  it('converts paragraphs, headings, formats, links, lists, quotes and rules', () => {
    const { html, problems } = lexicalToHtml(
      lexical(
        { type: 'paragraph', children: [text('Un '), text('gras', 1), text(' et '), text('italique', 2), { type: 'linebreak' }, { type: 'link', url: 'https://exemple.fr/', children: [text('un lien')] }] },
        { type: 'heading', tag: 'h2', children: [text('Intertitre')] },
        { type: 'list', listType: 'number', start: 3, children: [{ type: 'listitem', children: [text('trois')] }, { type: 'listitem', children: [text('quatre')] }] },
        { type: 'quote', children: [text('Citation')] },
        { type: 'horizontalrule' },
      ),
    );
    expect(problems).toEqual([]);
    expect(html).toBe(
      '<p>Un <strong>gras</strong> et <em>italique</em><br><a href="https://exemple.fr/">un lien</a></p><h2>Intertitre</h2><ol start="3"><li>trois</li><li>quatre</li></ol><blockquote><p>Citation</p></blockquote><hr>',
    );
  });

  it('turns image cards into figures with alt and caption, and escapes text', () => {
    const { html } = lexicalToHtml(lexical({ type: 'image', src: 'https://exemple.fr/a.jpg', alt: 'Une « photo »', caption: 'La <b>légende</b>' }, { type: 'paragraph', children: [text('<script>alert(1)</script>')] }));
    expect(html).toBe('<figure><img src="https://exemple.fr/a.jpg" alt="Une « photo »"><figcaption>La <b>légende</b></figcaption></figure><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    const doc = htmlToDocument(html).document;
    expect(doc.content[0]).toMatchObject({ type: 'figure', attrs: { src: 'https://exemple.fr/a.jpg', alt: 'Une « photo »', caption: 'La légende' } });
    expect(doc.content[1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script>' }] });
  });

  it('makes links of embeds and bookmarks, drops members-only cards and reports unknown nodes with their text', () => {
    const { html, problems } = lexicalToHtml(
      lexical(
        { type: 'embed', url: 'https://video.example/v/1', html: '<iframe src="https://video.example/v/1"></iframe>', embedType: 'video' },
        { type: 'bookmark', url: 'https://exemple.fr/article', metadata: { title: 'Un article' } },
        { type: 'paywall' },
        { type: 'mystery', children: [text('gardé')] },
      ),
    );
    expect(html).toBe('<p><a href="https://video.example/v/1">https://video.example/v/1</a></p><p><a href="https://exemple.fr/article">Un article</a></p><p>gardé</p>');
    expect(problems).toEqual(['video card replaced by a link', 'members-only "paywall" card removed', 'unknown Lexical node "mystery" kept as its text']);
  });

  it('renders Markdown cards and reports JSON that is not Lexical', () => {
    expect(lexicalToHtml(lexical({ type: 'markdown', markdown: '## Titre\n\nDu *texte*.' })).html).toBe('<h2>Titre</h2>\n<p>Du <em>texte</em>.</p>\n');
    expect(lexicalToHtml('{"root":').problems).toEqual(['the Lexical content is not valid JSON: body left empty']);
    expect(lexicalToHtml('{"nothing":1}').problems).toEqual(['the Lexical content has no root: body left empty']);
  });
});

describe('mobiledoc → HTML', () => {
  it('converts markup sections with nested markups, lists, atoms and cards', () => {
    const mobiledoc = {
      version: '0.3.1',
      markups: [['strong'], ['a', ['href', 'https://exemple.fr/']]],
      atoms: [['soft-return', '', {}]],
      cards: [
        ['markdown', { markdown: 'Un **paragraphe** en Markdown.' }],
        ['image', { src: 'https://exemple.fr/b.jpg', alt: 'Un pont', caption: 'Le pont' }],
        ['hr', {}],
        ['mystery', {}],
      ],
      sections: [
        [1, 'p', [[0, [0], 0, 'Gras '], [0, [1], 2, 'et lien'], [0, [], 0, ' fin'], [1, [], 0, 0], [0, [], 0, 'ligne']]],
        [1, 'h2', [[0, [], 0, 'Titre']]],
        [3, 'ul', [[[0, [], 0, 'un']], [[0, [], 0, 'deux']]]],
        [10, 0],
        [10, 1],
        [10, 2],
        [10, 3],
      ],
    };
    const { html, problems } = mobiledocToHtml(JSON.stringify(mobiledoc));
    expect(html).toBe(
      '<p><strong>Gras <a href="https://exemple.fr/">et lien</a></strong> fin<br>ligne</p><h2>Titre</h2><ul><li>un</li><li>deux</li></ul><p>Un <strong>paragraphe</strong> en Markdown.</p>\n<figure><img src="https://exemple.fr/b.jpg" alt="Un pont"><figcaption>Le pont</figcaption></figure><hr>',
    );
    expect(problems).toEqual(['unknown card "mystery" left out']);
  });

  it('reports a mobiledoc without sections', () => {
    expect(mobiledocToHtml('{"version":"0.3.1"}')).toEqual({ html: '', problems: ['the mobiledoc content has no sections: body left empty'] });
  });
});

describe('Ghost export helpers', () => {
  it('reads both forms and refuses what is not an export', () => {
    const data = { posts: [{ id: 1 }], users: [] };
    expect(readGhostExport({ meta: { version: '003' }, data }).version).toBe('003');
    expect(readGhostExport({ db: [{ meta: { version: '1.8.1', exported_on: 5 }, data }] })).toMatchObject({ version: '1.8.1', exportedOn: 5 });
    expect(() => readGhostExport({ db: [] })).toThrow(/non-empty list/);
    expect(() => readGhostExport({ meta: { version: '4' }, data: { posts: 'x' } })).toThrow(/data\.posts must be a list/);
  });

  it('reads Ghost dates of every era', () => {
    expect(ghostDate(1388318310783)).toBe(1388318310783);
    expect(ghostDate('2017-09-01T12:29:50.000Z')).toBe(Date.parse('2017-09-01T12:29:50.000Z'));
    expect(ghostDate('2017-09-01 12:29:50')).toBe(Date.parse('2017-09-01T12:29:50Z'));
    expect(ghostDate('demain')).toBeNull();
    expect(ghostDate(null)).toBeNull();
  });

  it('builds old addresses from the permalink setting', () => {
    const post = { slug: 'bonjour', id: '7', publishedAt: Date.parse('2014-03-05T10:00:00Z'), primaryTag: 'news', primaryAuthor: 'ana' };
    expect(ghostPermalink('/:slug/', post)).toBe('/bonjour/');
    expect(ghostPermalink('/:year/:month/:day/:slug/', post)).toBe('/2014/03/05/bonjour/');
    expect(ghostPermalink('/{primary_tag}/{slug}/', post)).toBe('/news/bonjour/');
  });
});

describe('Ghost images folder', () => {
  it('finds content/images files under the folder, never outside it', async () => {
    const { ghostImagesFolder } = await import('../../src/services/import/ghost-reader.js');
    const find = ghostImagesFolder('/srv/ghost-images');
    expect(find('https://blog.example.org/content/images/2024/05/une%20photo.jpg?v=2')).toBe('/srv/ghost-images/2024/05/une photo.jpg');
    expect(find('/content/images/../../etc/passwd')).toBeUndefined();
    expect(find('https://cdn.example.org/autre.jpg')).toBeUndefined();
  });
});
