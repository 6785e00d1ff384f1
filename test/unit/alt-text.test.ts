import { describe, expect, it } from 'vitest';
import { missingAltDescription } from '../../src/domain/alt-text.js';
import type { ArticleDocument } from '../../src/domain/document/document.js';

const figure = (alt: string) => ({ type: 'figure' as const, attrs: { src: '/media/x.jpg', alt } });

describe('alt text rule', () => {
  it('names what lacks alternative text', () => {
    const doc: ArticleDocument = { type: 'doc', content: [figure(''), { type: 'blockquote', content: [figure(' ')] }, figure('Un pont')] };
    expect(missingAltDescription(doc, undefined)).toBe('2 images du texte sont');
    expect(missingAltDescription({ type: 'doc', content: [] }, '')).toBe('l’image principale est');
    expect(missingAltDescription({ type: 'doc', content: [figure('')] }, '')).toBe('l’image principale et 1 image du texte sont');
    expect(missingAltDescription({ type: 'doc', content: [figure('Un pont')] }, 'Une rue')).toBeNull();
  });
});
