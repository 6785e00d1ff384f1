/**
 * The moderation service on both databases: the state machine, bulk actions, staff replies,
 * edits, pending counts per author, and the commenter's export and erasure.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CommentStatus, ModerationAction } from '../../src/domain/comment.js';
import { fixedClock } from '../../src/services/clock.js';
import { DepecheError } from '../../src/errors.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite, type SiteFixture } from '../support/factories.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

describeEachDatabase('comment moderation', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let site: SiteFixture;
  let articleA: number;
  let articleB: number;
  const clock = fixedClock(NOW);

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock });
    site = await buildSite(app.services);
    articleA = await buildArticle(app.services, site, { slug: 'article-a', authorIds: [site.authorId] });
    articleB = await buildArticle(app.services, site, { slug: 'article-b', authorIds: [site.secondAuthorId] });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  let n = 0;
  const add = (status: CommentStatus, overrides: { articleId?: number; email?: string; parentId?: number } = {}) =>
    app.services.comments.recordComment({
      articleId: overrides.articleId ?? articleA,
      parentId: overrides.parentId ?? null,
      status,
      authorName: `Lecteur ${++n}`,
      authorEmail: overrides.email ?? `lecteur${n}@example.org`,
      body: `Commentaire ${n}`,
      createdAt: NOW + n,
    });
  const statusOf = async (id: number) => (await app.services.ctx.repos.comments.findById(id))?.status;

  it('follows the state machine: approve, unapprove, spam, trash, restore to where it was', async () => {
    const id = await add('pending');
    const steps: [ModerationAction, CommentStatus][] = [
      ['approve', 'approved'],
      ['spam', 'spam'],
      ['restore', 'approved'],
      ['trash', 'trash'],
      ['restore', 'approved'],
      ['unapprove', 'pending'],
      ['trash', 'trash'],
      ['restore', 'pending'],
      ['spam', 'spam'],
      ['trash', 'trash'],
      ['restore', 'spam'],
      ['restore', 'pending'],
    ];
    for (const [action, expected] of steps) {
      expect(await app.services.moderation.apply(id, action), action).toBe(expected);
      expect(await statusOf(id)).toBe(expected);
    }
  });

  it('refuses actions that do not apply, and unknown comments', async () => {
    const approved = await add('approved');
    const refused = (id: number, action: ModerationAction) => app.services.moderation.apply(id, action).then(() => 'applied', (e: unknown) => (e instanceof DepecheError ? e.code : 'other'));
    expect(await refused(approved, 'approve')).toBe('DEPECHE_COMMENT_TRANSITION');
    expect(await refused(approved, 'restore')).toBe('DEPECHE_COMMENT_TRANSITION');
    const trashed = await add('trash');
    expect(await refused(trashed, 'spam')).toBe('DEPECHE_COMMENT_TRANSITION');
    expect(await refused(trashed, 'trash')).toBe('DEPECHE_COMMENT_TRANSITION');
    expect(await refused(999_999, 'approve')).toBe('DEPECHE_UNKNOWN_REFERENCE');
    expect(await statusOf(approved)).toBe('approved');
  });

  it('applies bulk actions one by one, reporting what failed', async () => {
    const a = await add('pending');
    const b = await add('pending');
    const c = await add('approved');
    const result = await app.services.moderation.bulk([a, b, c, a, 424_242], 'approve');
    expect(result.done).toEqual([
      { id: a, status: 'approved' },
      { id: b, status: 'approved' },
    ]);
    expect(result.failed.map((f) => [f.id, f.code])).toEqual([
      [c, 'DEPECHE_COMMENT_TRANSITION'],
      [424_242, 'DEPECHE_UNKNOWN_REFERENCE'],
    ]);
    expect(result.failed[0]?.message).toContain('Impossible de passer le commentaire');
    const trashed = await app.services.moderation.bulk([a, b, c], 'trash');
    expect(trashed.done.map((d) => d.status)).toEqual(['trash', 'trash', 'trash']);
  });

  it('publishes a staff reply under the staff name and approves the comment it answers', async () => {
    const question = await add('pending');
    const replyId = await app.services.moderation.reply(question, site.secondAuthorId, 'Merci, nous avons corrigé.');
    const reply = await app.services.ctx.repos.comments.findById(replyId);
    expect(reply).toMatchObject({ status: 'approved', parent_id: question, user_id: site.secondAuthorId, author_name: 'Paul Roche', article_id: articleA });
    expect(await statusOf(question)).toBe('approved');
    const spam = await add('spam');
    await expect(app.services.moderation.reply(spam, site.secondAuthorId, 'Non.')).rejects.toThrow(DepecheError);
    const page = await app.services.publicSite.articlePage('monde', 'article-a');
    const thread = page?.comments.find((c) => c.id === question);
    expect(thread?.replies.map((r) => [r.id, r.byStaff])).toEqual([[replyId, true]]);
  });

  it('edits text and author details, checking them', async () => {
    const id = await add('approved');
    await app.services.moderation.edit(id, { body: 'Texte\r\ncorrigé  ', authorName: '  Nom   corrigé ', authorUrl: 'exemple.fr' });
    expect(await app.services.ctx.repos.comments.findById(id)).toMatchObject({ body: 'Texte\ncorrigé', author_name: 'Nom corrigé', author_url: 'https://exemple.fr/' });
    await expect(app.services.moderation.edit(id, { authorEmail: 'non' })).rejects.toThrow(DepecheError);
    await expect(app.services.moderation.edit(id, { body: '' })).rejects.toThrow(DepecheError);
  });

  it('counts pending comments per signing author and in total; lists by status', async () => {
    const before = await app.services.moderation.pendingCounts();
    await add('pending', { articleId: articleB });
    await add('pending', { articleId: articleB });
    const all = await app.services.moderation.pendingCounts();
    expect(all.total).toBe(before.total + 2);
    const paul = await app.services.moderation.pendingCounts(site.secondAuthorId);
    expect(paul.articles).toEqual([{ articleId: articleB, title: expect.any(String), count: 2 }]);
    expect(paul.total).toBe(2);
    const lea = await app.services.moderation.pendingCounts(site.authorId);
    expect(lea.articles.every((a) => a.articleId === articleA)).toBe(true);
    const pending = await app.services.moderation.list({ status: 'pending', limit: 500 });
    expect(pending.length).toBe(all.total);
    expect(pending.every((c) => c.status === 'pending')).toBe(true);
    expect(pending[0]?.articleUrl).toMatch(/^\/monde\/article-[ab]$/);
    expect(Object.keys(pending[0] ?? {})).not.toContain('ipHash');
    const counts = await app.services.moderation.statusCounts();
    expect(counts.pending).toBe(all.total);
  });

  it('exports and erases a commenter by email; erased comments keep their thread as "Commentaire supprimé"', async () => {
    const email = 'a.effacer@example.org';
    const parent = await add('approved', { email });
    const answer = await add('approved', { parentId: parent });
    const held = await add('pending', { email, articleId: articleB });
    await app.services.ctx.repos.comments.update(parent, { ip_hash: 'abc123', user_agent: 'Navigateur/1.0' });

    const exported = await app.services.moderation.exportByEmail('A.Effacer@example.org');
    expect(exported.email).toBe(email);
    expect(exported.comments.map((c) => c.id)).toEqual([parent, held]);
    expect(exported.comments[0]).toMatchObject({ email, text: expect.stringContaining('Commentaire'), ipAddressStored: 'keyed hash only', userAgent: 'Navigateur/1.0', article: { url: 'http://localhost:3000/monde/article-a' } });
    expect(JSON.stringify(exported)).not.toContain('abc123');

    expect(await app.services.moderation.eraseByEmail(email)).toBe(2);
    const row = await app.services.ctx.repos.comments.findById(parent);
    expect(row).toMatchObject({ author_name: '', author_email: '', author_url: '', body: '', ip_hash: null, user_agent: null, status: 'approved', parent_id: null });
    expect(row?.erased_at).toBe(NOW);
    expect((await app.services.moderation.exportByEmail(email)).comments).toEqual([]);

    const res = await app.server.inject('/monde/article-a');
    const html = res.body;
    const item = html.slice(html.indexOf(`id="commentaire-${parent}"`));
    expect(item).toMatch(/^id="commentaire-\d+"><article><p class="comment-erased-note">Commentaire supprimé<\/p><\/article><ol class="comment-replies"><li class="comment" id="commentaire-(\d+)"/);
    expect(item).toContain(`id="commentaire-${answer}"`);
    expect(html).not.toContain(email);
    await expect(app.services.moderation.exportByEmail('pas une adresse')).rejects.toThrow(DepecheError);
  });
});
