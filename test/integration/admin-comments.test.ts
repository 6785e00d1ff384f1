/**
 * The Admin API's comment moderation on both databases: bulk actions with per-id results,
 * staff replies, edits, the pending count per role, and a commenter's export and erasure.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CommentStatus } from '../../src/domain/comment.js';
import { fixedClock } from '../../src/services/clock.js';
import { AdminClient, buildStaff, loginAs, type Staff } from '../support/admin-client.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { sampleBody } from '../support/factories.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const A = '/api/admin';

describeEachDatabase('Admin API: comment moderation', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let staff: Staff;
  let editor: AdminClient;
  let author: AdminClient;
  let contributor: AdminClient;
  let mineArticle: number;
  let otherArticle: number;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock: fixedClock(NOW) });
    staff = await buildStaff(app.services);
    const categoryId = await app.services.taxonomy.createCategory({ name: 'Société', slug: 'societe' });
    const article = (title: string, owner: number) =>
      app.services.articles.createArticle({ title, body: sampleBody(), categoryId, authorIds: [owner], status: 'published', publishedAt: NOW - 3_600_000, userId: owner });
    mineArticle = await article('Le marché couvert rouvre', staff.author);
    otherArticle = await article('La piscine municipale ferme', staff.otherAuthor);
    [editor, author, contributor] = await Promise.all([loginAs(app.server, 'editor'), loginAs(app.server, 'author'), loginAs(app.server, 'contributor')]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  let n = 0;
  const add = (status: CommentStatus, overrides: { articleId?: number; email?: string } = {}) =>
    app.services.comments.recordComment({
      articleId: overrides.articleId ?? otherArticle,
      status,
      authorName: `Lecteur ${++n}`,
      authorEmail: overrides.email ?? `lecteur${n}@example.org`,
      authorUrl: 'https://lecteur.example.org',
      body: `Commentaire numéro ${n}`,
      createdAt: NOW + n,
    });
  const row = async (id: number) => (await app.services.ctx.repos.comments.findById(id))!;

  it('bulk: each id succeeds or fails on its own; restore brings spam and trash back', async () => {
    const [a, b, approved] = [await add('pending'), await add('pending'), await add('approved')];
    const res = await editor.post(`${A}/comments/bulk`, { ids: [a, b, approved, 999_999], action: 'approve' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { done: { id: number; status: string }[]; failed: { id: number; code: string; message: string }[] };
    expect(body.done).toEqual([
      { id: a, status: 'approved' },
      { id: b, status: 'approved' },
    ]);
    expect(body.failed.map((f) => [f.id, f.code])).toEqual([
      [approved, 'DEPECHE_COMMENT_TRANSITION'],
      [999_999, 'DEPECHE_UNKNOWN_REFERENCE'],
    ]);
    expect(body.failed[0]!.message).toMatch(/commentaire/i);
    expect((await row(a)).status).toBe('approved');

    expect((await editor.post(`${A}/comments/bulk`, { ids: [a, b], action: 'spam' })).json()).toMatchObject({ done: [{ status: 'spam' }, { status: 'spam' }], failed: [] });
    expect((await editor.post(`${A}/comments/bulk`, { ids: [b], action: 'trash' })).json()).toMatchObject({ done: [{ id: b, status: 'trash' }] });
    const restored = (await editor.post(`${A}/comments/bulk`, { ids: [a, b], action: 'restore' })).json() as { done: { id: number; status: string }[] };
    // Trash keeps the spam verdict: b goes back to spam, a (spam) back to approved.
    expect(restored.done).toEqual([
      { id: a, status: 'approved' },
      { id: b, status: 'spam' },
    ]);
    const bad = await editor.post(`${A}/comments/bulk`, { ids: [a], action: 'delete' });
    expect(bad.statusCode).toBe(422);
    expect((await editor.post(`${A}/comments/bulk`, { ids: [], action: 'approve' })).statusCode).toBe(422);
    expect((await author.post(`${A}/comments/bulk`, { ids: [a], action: 'trash' })).statusCode).toBe(403);
    expect((await row(a)).status).toBe('approved');
  });

  it('reply: published at once under the editor’s name, and it approves a pending parent', async () => {
    const parent = await add('pending');
    const res = await editor.post(`${A}/comments/${parent}/reply`, { text: '  Merci, nous avons corrigé l’horaire.  ' });
    expect(res.statusCode).toBe(201);
    const reply = res.json() as { id: number; parentId: number; status: string; authorName: string; byStaff: boolean; body: string; articleTitle: string };
    expect(reply).toMatchObject({ parentId: parent, status: 'approved', authorName: 'Édith Éditrice', byStaff: true, body: 'Merci, nous avons corrigé l’horaire.', articleTitle: 'La piscine municipale ferme' });
    expect((await row(reply.id)).user_id).toBe(staff.editor);
    expect((await row(parent)).status).toBe('approved');

    expect((await editor.post(`${A}/comments/${parent}/reply`, { text: '   ' })).statusCode).toBe(422);
    expect((await editor.post(`${A}/comments/999999/reply`, { text: 'Bonjour' })).statusCode).toBe(404);
    const spam = await add('spam');
    expect((await editor.post(`${A}/comments/${spam}/reply`, { text: 'Bonjour' })).statusCode).toBe(409);
    expect((await author.post(`${A}/comments/${parent}/reply`, { text: 'Bonjour' })).statusCode).toBe(403);
  });

  it('PATCH edits text and author details, sets a status, or both; bad input is a French 422', async () => {
    const id = await add('pending');
    const edited = await editor.patch(`${A}/comments/${id}`, { body: 'Texte corrigé\r\npar la rédaction', authorName: '  Lectrice  ', authorUrl: '' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id, body: 'Texte corrigé\npar la rédaction', authorName: 'Lectrice', authorUrl: '', status: 'pending' });
    const both = await editor.patch(`${A}/comments/${id}`, { status: 'approved', authorUrl: 'https://lectrice.example.org/' });
    expect(both.json()).toMatchObject({ status: 'approved', authorUrl: 'https://lectrice.example.org/' });
    expect(await row(id)).toMatchObject({ status: 'approved', body: 'Texte corrigé\npar la rédaction', author_name: 'Lectrice' });

    const badUrl = await editor.patch(`${A}/comments/${id}`, { authorUrl: 'javascript:alert(1)' });
    expect(badUrl.statusCode).toBe(422);
    expect((badUrl.json() as { error: { code: string; message: string } }).error.code).toBe('DEPECHE_VALIDATION');
    expect((await editor.patch(`${A}/comments/${id}`, { body: '' })).statusCode).toBe(422);
    expect((await editor.patch(`${A}/comments/${id}`, {})).statusCode).toBe(422);
    expect((await editor.patch(`${A}/comments/999999`, { body: 'Texte' })).statusCode).toBe(404);
    expect((await author.patch(`${A}/comments/${id}`, { body: 'Texte' })).statusCode).toBe(403);
    expect((await row(id)).author_url).toBe('https://lectrice.example.org/');
  });

  it('pending count: moderators get the total and their own; authors and contributors only their own', async () => {
    const count = async (client: AdminClient) => (await client.get(`${A}/comments/pending-count`)).json() as { total: number | null; mine: number };
    const before = await count(editor);
    const beforeAuthor = await count(author);
    await add('pending', { articleId: mineArticle });
    await add('pending', { articleId: mineArticle });
    await add('pending', { articleId: otherArticle });
    await add('approved', { articleId: mineArticle });
    const after = await count(editor);
    expect(after.total).toBe(before.total! + 3);
    expect(after.mine).toBe(0);
    expect(await count(author)).toEqual({ total: null, mine: beforeAuthor.mine + 2 });
    expect(await count(contributor)).toEqual({ total: null, mine: 0 });
    // The total is what the pending list holds.
    const listed = (await editor.get(`${A}/comments?status=pending`)).json() as { items: unknown[] };
    expect(listed.items.length).toBe(after.total);
  });

  it('commenter export is a JSON download; erasure blanks the data and keeps the thread', async () => {
    const email = 'ines.garnier@example.org';
    const first = await add('approved', { email });
    await add('pending', { email });
    await add('approved', { email: 'quelqu.un@example.org' });
    const res = await editor.get(`${A}/commenters/export?email=${encodeURIComponent('Ines.Garnier@example.org')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="commentaires-export\.json"$/);
    expect(res.headers['cache-control']).toContain('no-store');
    const data = res.json() as { email: string; comments: { id: number; email: string; article: { url: string }; ipAddressStored: string }[] };
    expect(data.email).toBe(email);
    expect(data.comments.map((c) => c.email)).toEqual([email, email]);
    expect(data.comments.map((c) => c.id)).toContain(first);
    expect(data.comments[0]!.article.url).toMatch(/^https?:\/\/.+\/societe\/la-piscine-municipale-ferme$/);
    expect((await editor.get(`${A}/commenters/export?email=pas-un-email`)).statusCode).toBe(422);
    expect((await author.get(`${A}/commenters/export?email=${email}`)).statusCode).toBe(403);

    expect((await author.post(`${A}/commenters/erase`, { email })).statusCode).toBe(403);
    const erased = await editor.post(`${A}/commenters/erase`, { email });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toEqual({ erased: 2 });
    const after = await row(first);
    expect(after.erased_at).not.toBeNull();
    expect(after.author_email).not.toBe(email);
    expect(after.body).not.toContain('Commentaire numéro');
    expect((await editor.get(`${A}/commenters/export?email=${email}`)).json()).toMatchObject({ comments: [] });
    expect((await editor.post(`${A}/commenters/erase`, { email: 'rien' })).statusCode).toBe(422);
    // An erased comment cannot be edited back into someone's words.
    expect((await editor.patch(`${A}/comments/${first}`, { body: 'Réécrit' })).statusCode).toBe(422);
  });
});
