/** WXR markup helpers and the backup reader's refusals, on small inputs. */
import { describe, expect, it } from 'vitest';
import { readBackup } from '../../src/domain/backup/read-backup.js';
import { cdata, wpCommentApproved, wpGmtDate, wpLocalDate, wpPostStatus, xmlEscape } from '../../src/domain/export/wxr-markup.js';

describe('WXR markup', () => {
  it('splits "]]>" across CDATA sections and drops characters XML 1.0 forbids', () => {
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
    expect(cdata('x\u0000\u0007y\uFFFEz')).toBe('<![CDATA[xyz]]>');
    expect(xmlEscape('<a href="x">&\'\u0001')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('writes WordPress dates in UTC and in the site’s zone (summer and winter time)', () => {
    expect(wpGmtDate(Date.parse('2025-12-01T13:05:09.999Z'))).toBe('2025-12-01 13:05:09');
    expect(wpLocalDate(Date.parse('2025-12-01T13:05:09Z'), 'Europe/Paris')).toBe('2025-12-01 14:05:09');
    expect(wpLocalDate(Date.parse('2025-07-01T23:30:00Z'), 'Europe/Paris')).toBe('2025-07-02 01:30:00');
  });

  it('maps statuses to WordPress’s', () => {
    expect(['published', 'scheduled', 'review', 'draft', 'unpublished', 'trash'].map((s) => wpPostStatus(s as Parameters<typeof wpPostStatus>[0]))).toEqual(['publish', 'future', 'pending', 'draft', 'draft', 'trash']);
    expect(['approved', 'pending', 'spam', 'trash'].map((s) => wpCommentApproved(s as Parameters<typeof wpCommentApproved>[0]))).toEqual(['1', '0', 'spam', 'trash']);
  });
});

describe('backup reader', () => {
  const empty = { format: 'depeche-backup', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', generator: 'Dépêche', site: { url: 'http://x', name: 'X', language: 'fr' }, counts: { settings: 0, users: 0, categories: 0, tags: 0, media: 0, articles: 0, pages: 0, comments: 0, redirects: 0 }, settings: [], users: [], categories: [], tags: [], media: [], articles: [], pages: [], comments: [], redirects: [] };

  it('reads an empty backup', () => {
    expect(readBackup(empty).counts.articles).toBe(0);
  });

  it('names the first bad field with its path', () => {
    expect(() => readBackup({ ...empty, exportedAt: 'hier' })).toThrow(/exportedAt: expected an ISO 8601 date-time/);
    expect(() => readBackup({ ...empty, users: [{ id: 1, email: 'a@b.fr', slug: 'a', name: 'A', bio: '', role: 'roi', createdAt: '2026-01-01T00:00:00Z' }], counts: { ...empty.counts, users: 1 } })).toThrow(/users\[0\]\.role: expected one of administrator/);
    const loop = [
      { id: 1, parentId: 2, slug: 'a', name: 'A', description: '', position: 0, inMenu: true, createdAt: '2026-01-01T00:00:00Z' },
      { id: 2, parentId: 1, slug: 'b', name: 'B', description: '', position: 0, inMenu: true, createdAt: '2026-01-01T00:00:00Z' },
    ];
    expect(() => readBackup({ ...empty, categories: loop, counts: { ...empty.counts, categories: 2 } })).toThrow(/its own ancestor/);
    expect(() => readBackup({ ...empty, redirects: [{ from: 'x', to: '/y', status: 301, createdAt: '2026-01-01T00:00:00Z' }], counts: { ...empty.counts, redirects: 1 } })).toThrow(/redirects\[0\]\.from: expected a path/);
  });
});
