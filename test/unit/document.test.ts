import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { documentText, renderDocument } from '../../src/domain/document/render-document.js';
import { validateDocument } from '../../src/domain/document/validate-document.js';
import { DepecheError } from '../../src/errors.js';
import { demoBodyToDocument } from '../../src/services/demo/demo-markup.js';

const text = (t: string, marks?: unknown[]) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const render = (value: unknown) => renderDocument(validateDocument(value), { siteOrigin: 'https://www.example.fr' });

function rejection(value: unknown): string {
  try {
    validateDocument(value);
  } catch (error) {
    expect(error).toBeInstanceOf(DepecheError);
    expect((error as DepecheError).code).toBe('DEPECHE_DOCUMENT_INVALID');
    return (error as DepecheError).message;
  }
  throw new Error('the document was accepted');
}

describe('document rendering', () => {
  it('renders paragraphs and every mark', () => {
    const html = render(
      doc(
        para(
          text('gras', [{ type: 'bold' }]),
          text(' '),
          text('italique', [{ type: 'italic' }]),
          text(' '),
          text('barré', [{ type: 'strike' }]),
          text(' '),
          text('code', [{ type: 'code' }]),
          { type: 'hardBreak' },
          text('lien', [{ type: 'link', attrs: { href: 'https://exemple.org/a?b=1&c=2' } }, { type: 'bold' }]),
          text(' interne', [{ type: 'link', attrs: { href: '/actualite/x' } }]),
        ),
      ),
    );
    expect(html).toBe(
      '<p><strong>gras</strong> <em>italique</em> <s>barré</s> <code>code</code><br><a href="https://exemple.org/a?b=1&amp;c=2" rel="noopener"><strong>lien</strong></a><a href="/actualite/x"> interne</a></p>',
    );
  });

  it('renders headings with anchors, quotes, lists, rules and figures', () => {
    const html = render(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Ce que dit le plan')] },
        { type: 'heading', attrs: { level: 3 }, content: [text('Ce que dit le plan')] },
        { type: 'heading', attrs: { level: 4 }, content: [text('Détail')] },
        { type: 'blockquote', content: [para(text('Une citation.'))] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('un'))] }, { type: 'listItem', content: [para(text('deux')), para(text('suite'))] }] },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [para(text('trois'))] }] },
        { type: 'horizontalRule' },
        { type: 'figure', attrs: { src: '/media/a.jpg', alt: 'Une carte', width: 800, height: 450, caption: 'La carte', credit: 'Dépêche' } },
        { type: 'paragraph' },
      ),
    );
    expect(html).toContain('<h2 id="ce-que-dit-le-plan">Ce que dit le plan</h2>');
    expect(html).toContain('<h3 id="ce-que-dit-le-plan-2">Ce que dit le plan</h3>');
    expect(html).toContain('<h4 id="detail">Détail</h4>');
    expect(html).toContain('<blockquote><p>Une citation.</p></blockquote>');
    expect(html).toContain('<ul><li>un</li><li><p>deux</p><p>suite</p></li></ul>');
    expect(html).toContain('<ol start="3"><li>trois</li></ol>');
    expect(html).toContain('<hr>');
    expect(html).toContain('<figure class="body-figure"><img src="/media/a.jpg" alt="Une carte" width="800" height="450" loading="lazy" decoding="async"><figcaption>La carte <span class="credit">Dépêche</span></figcaption></figure>');
    expect(html).not.toContain('<p></p>');
  });

  it('escapes text and attributes', () => {
    const html = render(doc(para(text('<script>alert(1)</script> & "x"')), { type: 'figure', attrs: { src: '/m/a.jpg', alt: '"><img onerror=x>', caption: '<b>' } }));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(html).toContain('alt="&quot;&gt;&lt;img onerror=x&gt;"');
    expect(html).not.toMatch(/<script|<img onerror|<b>/);
  });

  it('never emits unescaped markup from any text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (t) => {
        const html = render(doc(para(text(t))));
        expect(html.slice(3, -4)).not.toMatch(/[<>"]/);
      }),
    );
  });

  it('extracts plain text', () => {
    expect(documentText(validateDocument(doc(para(text('Un')), { type: 'heading', attrs: { level: 2 }, content: [text('Deux')] })))).toBe('Un\n\nDeux');
  });
});

describe('document validation', () => {
  it.each([
    ['an unknown block', doc({ type: 'script', content: [] }), 'unknown node type "script"'],
    ['an unknown inline', doc(para({ type: 'iframe' })), 'unknown inline node type "iframe"'],
    ['an unknown mark', doc(para(text('x', [{ type: 'onclick' }]))), 'unknown mark type "onclick"'],
    ['raw HTML property', doc({ type: 'paragraph', html: '<b>x</b>' }), 'unknown property "html"'],
    ['a javascript: link', doc(para(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))), 'unsafe or malformed link'],
    ['a data: image', doc({ type: 'figure', attrs: { src: 'data:image/svg+xml,<svg/onload=alert(1)>', alt: '' } }), 'site path or an http(s) URL'],
    ['a level-1 heading', doc({ type: 'heading', attrs: { level: 1 }, content: [text('x')] }), 'must be 2, 3 or 4'],
    ['an empty list', doc({ type: 'bulletList', content: [] }), 'non-empty list'],
    ['not a doc', { type: 'paragraph' }, 'must be "doc"'],
    ['empty text', doc(para(text(''))), 'non-empty string'],
  ])('rejects %s', (_name, value, message) => {
    expect(rejection(value)).toContain(message);
  });

  it('says where the problem is', () => {
    expect(rejection(doc(para(text('ok')), { type: 'blockquote', content: [{ type: 'video' }] }))).toContain('document.content[1].content[0].type');
  });

  it('rejects absurd nesting without overflowing the stack', () => {
    let node: unknown = para(text('x'));
    for (let i = 0; i < 5000; i++) node = { type: 'blockquote', content: [node] };
    expect(rejection(doc(node))).toContain('nested too deeply');
  });

  it('never throws anything but a document error on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          validateDocument(value);
        } catch (error) {
          expect(error).toBeInstanceOf(DepecheError);
        }
      }),
    );
  });

  it('accepts every demo article body', async () => {
    const { DEMO_ARTICLES } = await import('../../src/services/demo/load-demo.js');
    for (const article of DEMO_ARTICLES) expect(() => validateDocument(demoBodyToDocument(article.body))).not.toThrow();
  });
});

describe('demo markup', () => {
  it('reads subheadings, quotes, lists and inline marks', () => {
    const body = demoBodyToDocument(['Un **gras** et *italique* avec [lien](https://example.org/x).', '## Titre', '> Citée', '- un\n- deux']);
    expect(renderDocument(validateDocument(body))).toBe(
      '<p>Un <strong>gras</strong> et <em>italique</em> avec <a href="https://example.org/x" rel="noopener">lien</a>.</p><h2 id="titre">Titre</h2><blockquote><p>Citée</p></blockquote><ul><li>un</li><li>deux</li></ul>',
    );
  });
});
