import { describe, expect, it } from 'vitest';
import { arrivalStatus, buildThreads, commentsAreOpen, moderate, type CommentStatus, type ModerationAction } from '../../src/domain/comment.js';
import { DEFAULT_COMMENT_SETTINGS, mergeCommentSettings, readCommentSettings } from '../../src/domain/comment-settings.js';
import { emailBlocked, ipBlocked, judgeComment, type SpamCandidate } from '../../src/domain/comment-spam.js';
import { countLinks, linkPieces, normaliseCommentText, normaliseLine, normaliseWebsite, paragraphs } from '../../src/domain/comment-text.js';
import { checkFormToken, issueFormToken } from '../../src/services/comment-token.js';

describe('moderation state machine', () => {
  const table: [CommentStatus, CommentStatus | null, ModerationAction, CommentStatus | undefined][] = [
    ['pending', null, 'approve', 'approved'],
    ['approved', null, 'approve', undefined],
    ['approved', null, 'unapprove', 'pending'],
    ['pending', null, 'unapprove', undefined],
    ['pending', null, 'spam', 'spam'],
    ['approved', null, 'spam', 'spam'],
    ['trash', null, 'spam', undefined],
    ['spam', 'approved', 'restore', 'approved'],
    ['spam', null, 'restore', 'pending'],
    ['trash', 'spam', 'restore', 'spam'],
    ['trash', 'pending', 'restore', 'pending'],
    ['approved', null, 'restore', undefined],
    ['spam', 'pending', 'trash', 'trash'],
    ['trash', 'pending', 'trash', undefined],
  ];
  it.each(table)('%s (before: %s) --%s--> %s', (from, previous, action, to) => {
    expect(moderate(from, previous, action)?.status).toBe(to);
  });
  it('remembers where spam and trash came from', () => {
    expect(moderate('approved', null, 'trash')).toEqual({ status: 'trash', previousStatus: 'approved' });
    expect(moderate('pending', null, 'spam')).toEqual({ status: 'spam', previousStatus: 'pending' });
  });
  it('holds new commenters, approves known ones, sends flagged ones to spam', () => {
    expect(arrivalStatus(false, false)).toBe('pending');
    expect(arrivalStatus(false, true)).toBe('approved');
    expect(arrivalStatus(true, true)).toBe('spam');
  });
  it('closes comments per article and after N days', () => {
    const day = 86_400_000;
    expect(commentsAreOpen({ commentsOpen: false, publishedAt: 0 }, 0, 1)).toBe(false);
    expect(commentsAreOpen({ commentsOpen: true, publishedAt: 0 }, 0, 1000 * day)).toBe(true);
    expect(commentsAreOpen({ commentsOpen: true, publishedAt: 0 }, 30, 30 * day)).toBe(true);
    expect(commentsAreOpen({ commentsOpen: true, publishedAt: 0 }, 30, 30 * day + 1)).toBe(false);
  });
});

describe('threads', () => {
  const c = (id: number, parentId: number | null) => ({ id, parentId });
  it('puts a reply listed before its parent under it', () => {
    const threads = buildThreads([c(2, 1), c(1, null)]);
    expect(threads.map((t) => t.id)).toEqual([1]);
    expect(threads[0]!.replies.map((r) => r.id)).toEqual([2]);
  });
  it('survives a cycle in bad data without losing comments', () => {
    const threads = buildThreads([c(1, 2), c(2, 1)]);
    const ids = (nodes: typeof threads): number[] => nodes.flatMap((n) => [n.id, ...ids(n.replies)]);
    expect(ids(threads).sort()).toEqual([1, 2]);
  });
  it('with depth 1, shows every reply at the top level', () => {
    expect(buildThreads([c(1, null), c(2, 1), c(3, 2)], 1).map((t) => t.id)).toEqual([1, 2, 3]);
  });
});

describe('comment settings', () => {
  it('merges valid changes and names every bad one', () => {
    const ok = mergeCommentSettings(DEFAULT_COMMENT_SETTINGS, { threadDepth: 5, blockedEmails: ['Spam@Example.org ', ''], perIpLimit: { max: 3, windowSeconds: 60 } });
    expect('settings' in ok && ok.settings).toMatchObject({ threadDepth: 5, blockedEmails: ['spam@example.org'], perIpLimit: { max: 3, windowSeconds: 60 } });
    const bad = mergeCommentSettings(DEFAULT_COMMENT_SETTINGS, { threadDepth: 0, maxLinks: 'deux', colour: 'rouge', perArticleLimit: { max: 0 } });
    expect('problems' in bad && bad.problems).toHaveLength(4);
    expect(DEFAULT_COMMENT_SETTINGS.threadDepth).toBe(3);
  });
  it('reads stored values leniently: what is invalid falls back to the default', () => {
    expect(readCommentSettings(undefined)).toEqual(DEFAULT_COMMENT_SETTINGS);
    expect(readCommentSettings({ maxLinks: 7, threadDepth: -1 })).toMatchObject({ maxLinks: 7, threadDepth: 3 });
  });
});

describe('spam rules', () => {
  const base: SpamCandidate = { name: 'Anne', email: 'anne@example.org', website: '', body: 'Bel article.', ip: '203.0.113.5', honeypot: '' };
  const settings = { ...DEFAULT_COMMENT_SETTINGS, blockedWords: ['crédit rapide'], blockedEmails: ['@spam.example'], blockedIps: ['198.51.100.'] };
  it('rejects a filled honeypot and too many links; flags blocklisted words, emails and addresses', () => {
    expect(judgeComment(base, settings)).toEqual({ kind: 'clean' });
    expect(judgeComment({ ...base, honeypot: 'x' }, settings)).toEqual({ kind: 'reject', code: 'DEPECHE_COMMENT_UNVERIFIED' });
    expect(judgeComment({ ...base, body: 'https://a.fr https://b.fr https://c.fr' }, settings)).toEqual({ kind: 'reject', code: 'DEPECHE_COMMENT_TOO_MANY_LINKS' });
    expect(judgeComment({ ...base, body: 'https://a.fr et https://b.fr' }, settings).kind).toBe('clean');
    expect(judgeComment({ ...base, body: 'Un CREDIT RAPIDE ici' }, settings)).toEqual({ kind: 'spam', rule: 'word' });
    expect(judgeComment({ ...base, body: 'Un discrédit rapide' }, settings).kind).toBe('clean');
    expect(judgeComment({ ...base, email: 'x@spam.example' }, settings)).toEqual({ kind: 'spam', rule: 'email' });
    expect(judgeComment({ ...base, ip: '::ffff:198.51.100.9' }, settings)).toEqual({ kind: 'spam', rule: 'ip' });
  });
  it('matches email and IP blocklists exactly or by suffix/prefix', () => {
    expect(emailBlocked('A@B.fr', ['a@b.fr'])).toBe(true);
    expect(emailBlocked('a@bb.fr', ['a@b.fr'])).toBe(false);
    expect(ipBlocked('10.0.0.1', ['10.0.0.1'])).toBe(true);
    expect(ipBlocked('10.0.0.11', ['10.0.0.1'])).toBe(false);
  });
});

describe('comment text', () => {
  it('normalises line ends, control characters and blank runs, keeps the rest verbatim', () => {
    expect(normaliseCommentText('  a\r\nb\u0000c  \r\n\r\n\r\n\r\nd <b>&amp;</b>  ')).toBe('a\nbc\n\nd <b>&amp;</b>');
    expect(normaliseLine(' Jean\n\t Dupont\u0007 ')).toBe('Jean Dupont');
  });
  it('cuts paragraphs on blank lines and links only http(s) addresses', () => {
    expect(paragraphs('un\ndeux\n\n  \n\ntrois')).toEqual([['un', 'deux'], ['trois']]);
    expect(linkPieces('voir www.exemple.fr, puis javascript:alert(1) et https://a.fr/x?y=1.')).toEqual([
      { kind: 'text', text: 'voir ' },
      { kind: 'link', text: 'www.exemple.fr', href: 'http://www.exemple.fr/' },
      { kind: 'text', text: ', puis javascript:alert(1) et ' },
      { kind: 'link', text: 'https://a.fr/x?y=1', href: 'https://a.fr/x?y=1' },
      { kind: 'text', text: '.' },
    ]);
    expect(linkPieces('http://a.fr/"onmouseover=alert(1)')[0]).toMatchObject({ kind: 'link', href: 'http://a.fr/%22onmouseover=alert(1)' });
    expect(countLinks('ftp://a.fr file:///etc/passwd mailto:a@b.fr https://ok.fr')).toBe(1);
  });
  it('cuts a line once and hands the same frozen pieces to later renders', () => {
    const line = 'relire https://exemple.fr/memo puis répondre';
    const first = linkPieces(line);
    expect(linkPieces(line)).toBe(first);
    expect(Object.isFrozen(first) && first.every((piece) => Object.isFrozen(piece))).toBe(true);
    expect(first.map((piece) => piece.kind)).toEqual(['text', 'link', 'text']);
  });
  it('accepts only public http(s) websites', () => {
    expect(normaliseWebsite('exemple.fr')).toBe('https://exemple.fr/');
    expect(normaliseWebsite(' http://Exemple.fr/a ')).toBe('http://exemple.fr/a');
    expect(normaliseWebsite('')).toBe('');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'http://localhost', 'https://a.fr/"x', 'vbscript:x', 'https://a.fr/ x']) expect(normaliseWebsite(bad), bad).toBeUndefined();
  });
});

describe('form token', () => {
  const key = Buffer.from('k'.repeat(32));
  const window = { minAgeMs: 3000, maxAgeMs: 3_600_000 };
  it('accepts its own token for its article in the time window, and nothing else', () => {
    const token = issueFormToken(key, 7, 1_000_000);
    expect(checkFormToken(key, token, 7, 1_005_000, window)).toBeUndefined();
    expect(checkFormToken(key, token, 7, 1_001_000, window)).toBe('DEPECHE_COMMENT_TOO_FAST');
    expect(checkFormToken(key, token, 7, 1_000_000 + 3_600_001, window)).toBe('DEPECHE_COMMENT_FORM_EXPIRED');
    expect(checkFormToken(key, token, 8, 1_005_000, window)).toBe('DEPECHE_COMMENT_UNVERIFIED');
    expect(checkFormToken(Buffer.from('x'.repeat(32)), token, 7, 1_005_000, window)).toBe('DEPECHE_COMMENT_UNVERIFIED');
    const [at, nonce, mac] = token.split('.');
    expect(checkFormToken(key, `${(Number.parseInt(at!, 36) - 60_000).toString(36)}.${nonce}.${mac}`, 7, 1_005_000, window)).toBe('DEPECHE_COMMENT_UNVERIFIED');
    expect(checkFormToken(key, '', 7, 1_005_000, window)).toBe('DEPECHE_COMMENT_UNVERIFIED');
    expect(checkFormToken(key, issueFormToken(key, 7, 2_000_000), 7, 1_005_000, window)).toBe('DEPECHE_COMMENT_UNVERIFIED');
  });
});
