import { describe, expect, it } from 'vitest';
import { DeferredTerms } from '../../src/services/search/deferred-terms.js';
import type { Repositories } from '../../src/storage/repositories/index.js';
import type { FormTerm } from '../../src/storage/search/search-terms-repository.js';

/** Repositories whose vocabulary only records what it is asked to add. */
function recorder(): { repos: Repositories; added: Array<FormTerm & { count?: number }> } {
  const added: Array<FormTerm & { count?: number }> = [];
  const repos = { searchTerms: { add: async (pairs: ReadonlyArray<FormTerm & { count?: number }>) => void added.push(...pairs) } } as unknown as Repositories;
  return { repos, added };
}

const pair = (form: string, term = form): FormTerm => ({ form, term });

describe('DeferredTerms', () => {
  it('adds a batch’s pairs once each, counted', async () => {
    const { repos, added } = recorder();
    const terms = new DeferredTerms();
    terms.add([pair('elections', 'elect'), pair('maire')]);
    terms.keepItem();
    terms.add([pair('elections', 'elect')]);
    await terms.flush(repos);
    expect(added).toEqual([{ form: 'elections', term: 'elect', count: 2 }, { form: 'maire', term: 'maire', count: 1 }]);
    added.length = 0;
    await terms.flush(repos);
    expect(added).toEqual([]);
  });

  it('forgets the pairs of an item that was rolled back', async () => {
    const { repos, added } = recorder();
    const terms = new DeferredTerms();
    terms.add([pair('maire')]);
    terms.keepItem();
    terms.add([pair('maire'), pair('conseil')]);
    terms.dropItem();
    await terms.flush(repos);
    expect(added).toEqual([{ form: 'maire', term: 'maire', count: 1 }]);
  });

  it('takes a removal back from held additions first, and passes on the rest', async () => {
    const { repos, added } = recorder();
    const terms = new DeferredTerms();
    terms.add([pair('maire'), pair('conseil')]);
    terms.keepItem();
    // The same article written again in the batch: "conseil" left it, "ancien" was stored before.
    expect(terms.takeBack([pair('conseil'), pair('ancien')])).toEqual([pair('ancien')]);
    terms.keepItem();
    await terms.flush(repos);
    expect(added).toEqual([{ form: 'maire', term: 'maire', count: 1 }]);
  });

  it('restores a taken-back addition when the item that took it is rolled back', async () => {
    const { repos, added } = recorder();
    const terms = new DeferredTerms();
    terms.add([pair('maire')]);
    terms.keepItem();
    expect(terms.takeBack([pair('maire')])).toEqual([]);
    terms.dropItem();
    await terms.flush(repos);
    expect(added).toEqual([{ form: 'maire', term: 'maire', count: 1 }]);
  });
});
