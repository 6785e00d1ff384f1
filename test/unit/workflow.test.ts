import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from '../../src/domain/article.js';
import { checkTransition, publicationTimeAfter, TRANSITION_TARGETS } from '../../src/domain/workflow.js';

describe('editorial workflow', () => {
  it('allows exactly the documented moves', () => {
    const allowed: string[] = [];
    for (const from of ARTICLE_STATUSES) for (const to of TRANSITION_TARGETS) if (checkTransition(from, to).ok) allowed.push(`${from}→${to}`);
    expect(allowed.sort()).toEqual(
      [
        'draft→review', 'draft→scheduled', 'draft→published',
        'review→draft', 'review→scheduled', 'review→published',
        'scheduled→draft', 'scheduled→scheduled', 'scheduled→published',
        'published→unpublished',
        'unpublished→draft', 'unpublished→review', 'unpublished→scheduled', 'unpublished→published',
      ].sort(),
    );
  });

  it('explains a refused move in French', () => {
    expect(checkTransition('published', 'draft')).toEqual({ ok: false, reason: 'un article publié doit d’abord être dépublié.' });
    expect(checkTransition('draft', 'unpublished')).toEqual({ ok: false, reason: 'seul un article publié peut être dépublié.' });
    expect(checkTransition('trash', 'published')).toMatchObject({ ok: false, reason: expect.stringContaining('corbeille') });
    expect(checkTransition('review', 'review')).toMatchObject({ ok: false, reason: expect.stringContaining('déjà en relecture') });
  });

  it('keeps the first publication date when republishing, and a due schedule’s own time', () => {
    const now = 1_000_000;
    expect(publicationTimeAfter('published', null, now)).toBe(now);
    expect(publicationTimeAfter('published', 500_000, now)).toBe(500_000);
    // A schedule in the future published now takes now; a due one keeps its instant.
    expect(publicationTimeAfter('published', 2_000_000, now)).toBe(now);
    expect(publicationTimeAfter('scheduled', null, now, 3_000_000)).toBe(3_000_000);
    expect(publicationTimeAfter('draft', 2_000_000, now)).toBeNull();
    expect(publicationTimeAfter('unpublished', 500_000, now)).toBe(500_000);
  });
});
