import { describe, expect, it } from 'vitest';
import { PURGE_MAX_CALLS, purgeCalls, purgeTarget, purgeTemplateProblem } from '../../src/domain/purge-template.js';

describe('purge webhook template', () => {
  it('accepts http(s) URLs with {tags} or {tag}', () => {
    expect(purgeTemplateProblem('https://purge.example.org/purge?tags={tags}')).toBeUndefined();
    expect(purgeTemplateProblem('http://127.0.0.1:8080/purge/{tag}')).toBeUndefined();
    expect(purgeTemplateProblem('https://user:secret@purge.example.org/{tags}')).toBeUndefined();
  });

  it('refuses anything else, in French', () => {
    expect(purgeTemplateProblem('https://purge.example.org/purge')).toMatch(/doit contenir \{tags\}/);
    expect(purgeTemplateProblem('https://purge.example.org/{tags}/{tag}')).toMatch(/pas les deux/);
    expect(purgeTemplateProblem('ftp://purge.example.org/{tags}')).toMatch(/http:\/\/ ou https:\/\//);
    expect(purgeTemplateProblem('purge {tags}')).toMatch(/URL valide/);
    expect(purgeTemplateProblem(`https://a.example/{tags}?x=${'a'.repeat(2100)}`)).toMatch(/2000 caractères/);
  });

  it('puts every tag in one call with {tags}, one call per tag with {tag}, percent-encoded', () => {
    expect(purgeCalls('https://p.example/?t={tags}', ['site', 'a:1'], 'site')).toEqual([{ url: 'https://p.example/?t=site,a%3A1', tags: ['site', 'a:1'] }]);
    expect(purgeCalls('https://p.example/{tag}', ['a:1', 'list:c:2'], 'site')).toEqual([
      { url: 'https://p.example/a%3A1', tags: ['a:1'] },
      { url: 'https://p.example/list%3Ac%3A2', tags: ['list:c:2'] },
    ]);
    expect(purgeCalls('https://p.example/{tag}', [], 'site')).toEqual([]);
  });

  it('purges everything in one call rather than making too many', () => {
    const many = Array.from({ length: PURGE_MAX_CALLS + 1 }, (_, i) => `a:${i}`);
    expect(purgeCalls('https://p.example/{tag}', many, 'site')).toEqual([{ url: 'https://p.example/site', tags: ['site'] }]);
  });

  it('logs only the scheme and host of a webhook', () => {
    expect(purgeTarget('https://user:secret@purge.example.org:8443/x?token=abc')).toBe('https://purge.example.org:8443');
  });
});
