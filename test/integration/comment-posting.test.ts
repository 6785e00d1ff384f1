/**
 * Posting reader comments through the real route, on both databases: the no-JavaScript
 * round trip, the reader's own pending comment, auto-approval, each spam defence, replies,
 * closing, privacy of the IP address and the shared secret.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { createServices } from '../../src/services/index.js';
import { SECRET_SETTING_KEY } from '../../src/services/secret-key.js';
import { DEFAULT_COMMENT_SETTINGS } from '../../src/domain/comment-settings.js';
import { COMMENTER_COOKIE, REMEMBER_COOKIE } from '../../src/web/routes/comments.js';
import { PUBLIC_CACHE } from '../../src/web/cache/http-caching.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { cookieFrom, formToken, postForm } from '../support/comments.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite, type SiteFixture } from '../support/factories.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const URL_A = '/monde/debat-sur-les-retraites';

describeEachDatabase('posting comments', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let site: SiteFixture;
  let articleId: number;
  const clock = fixedClock(NOW);

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock });
    site = await buildSite(app.services);
    articleId = await buildArticle(app.services, site, { title: 'Débat sur les retraites', slug: 'debat-sur-les-retraites' });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    // Generous limits unless a test is about them.
    await app.services.ctx.commentSettings.update({ ...DEFAULT_COMMENT_SETTINGS, perIpLimit: { max: 1000, windowSeconds: 600 }, perArticleLimit: { max: 1000, windowSeconds: 600 } });
  });

  const token = (id = articleId) => formToken(app, id, clock);
  const stored = (id: number) => app.services.ctx.repos.comments.findById(id);
  const countAll = async () => Number((await db.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const page = (cookie?: string, query = '') => app.server.inject({ method: 'GET', url: URL_A + query, ...(cookie ? { headers: { cookie } } : {}) });

  it('without JavaScript: redirects to the comment’s anchor, holds a first comment, shows it only to its writer', async () => {
    const res = await postForm(app, URL_A, { token: await token(), name: 'Inès Garnier', email: 'Ines.Garnier@example.org', body: 'Premier paragraphe.\n\nSecond paragraphe.' });
    expect(res.statusCode).toBe(303);
    const id = Number(/commentaire=(\d+)/.exec(res.headers.location as string)?.[1]);
    expect(res.headers.location).toBe(`${URL_A}?commentaire=${id}#commentaire-${id}`);
    const cookie = cookieFrom(res, COMMENTER_COOKIE);
    expect(cookie).toBeDefined();
    expect(res.cookies.find((c) => c.name === COMMENTER_COOKIE)?.httpOnly).toBe(true);
    const row = await stored(id);
    expect(row?.status).toBe('pending');
    expect(row?.author_email).toBe('ines.garnier@example.org');

    const mine = await page(cookie, `?commentaire=${id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['cache-control']).toBe('private, no-store');
    expect(mine.body).toContain(`id="commentaire-${id}"`);
    expect(mine.body).toContain('Votre commentaire est en attente de modération.');
    expect(mine.body).toContain('Merci ! Votre commentaire est en attente de modération.');
    expect(mine.body).toContain('<p>Premier paragraphe.</p><p>Second paragraphe.</p>');

    const theirs = await page();
    expect(theirs.headers['cache-control']).toBe(PUBLIC_CACHE);
    expect(theirs.body).not.toContain(`id="commentaire-${id}"`);
    const someoneElse = await page(`${COMMENTER_COOKIE}=${'x'.repeat(43)}`, `?commentaire=${id}`);
    expect(someoneElse.body).not.toContain(`id="commentaire-${id}"`);
    expect(someoneElse.body).not.toContain('en attente de modération');
    expect(someoneElse.headers['cache-control']).toBe(PUBLIC_CACHE);

    await app.services.moderation.apply(id, 'approve');
    const published = await page();
    expect(published.body).toContain(`id="commentaire-${id}"`);
    expect(published.body).not.toContain('ines.garnier@example.org');
  });

  it('approves a commenter with a previously approved comment at once (same email), unless flagged', async () => {
    const email = 'regulier@example.org';
    const first = await postForm(app, URL_A, { token: await token(), email });
    const firstId = Number(/commentaire=(\d+)/.exec(first.headers.location as string)?.[1]);
    expect((await stored(firstId))?.status).toBe('pending');
    const second = await postForm(app, URL_A, { token: await token(), email });
    expect((await stored(Number(/commentaire=(\d+)/.exec(second.headers.location as string)?.[1])))?.status).toBe('pending');

    await app.services.moderation.apply(firstId, 'approve');
    const third = await postForm(app, URL_A, { token: await token(), email: 'REGULIER@example.org' });
    const thirdId = Number(/commentaire=(\d+)/.exec(third.headers.location as string)?.[1]);
    expect((await stored(thirdId))?.status).toBe('approved');

    await app.services.ctx.commentSettings.update({ blockedWords: ['casino en ligne'] });
    const flagged = await postForm(app, URL_A, { token: await token(), email, body: 'Essayez donc le Casino en ligne, c’est formidable.' });
    expect(flagged.statusCode).toBe(303);
    const flaggedId = Number(/commentaire=(\d+)/.exec(flagged.headers.location as string)?.[1]);
    expect((await stored(flaggedId))?.status).toBe('spam');
    // A spam verdict is recoverable: nothing was dropped.
    expect(await app.services.moderation.apply(flaggedId, 'restore')).toBe('pending');
  });

  it('rejects, each with a French reason and nothing stored: honeypot, time trap, link limit, duplicate', async () => {
    const before = await countAll();
    const honeypot = await postForm(app, URL_A, { token: await token(), verification: 'https://spam.example.com' });
    expect(honeypot.statusCode).toBe(400);
    expect(honeypot.body).toContain('Votre commentaire n’a pas pu être vérifié');

    const fast = await postForm(app, URL_A, { token: await formToken(app, articleId, clock, 500) });
    expect(fast.statusCode).toBe(400);
    expect(fast.body).toContain('trop vite');

    const links = await postForm(app, URL_A, { token: await token(), body: 'Voyez https://a.example.com, https://b.example.com et www.c-exemple.fr pour tout savoir.' });
    expect(links.statusCode).toBe(422);
    expect(links.body).toContain('trop de liens');
    expect(links.body).not.toMatch(/\b2 liens\b/);

    const text = 'Un avis que je ne donnerai qu’une fois.';
    const once = await postForm(app, URL_A, { token: await token(), body: text, email: 'unique@example.org' });
    expect(once.statusCode).toBe(303);
    const twice = await postForm(app, URL_A, { token: await token(), body: text, email: 'unique@example.org' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Vous avez déjà envoyé ce commentaire.');
    // Same text from the same address under another email is the same duplicate.
    const disguised = await postForm(app, URL_A, { token: await token(), body: `  ${text.toUpperCase()} `, email: 'autre@example.org' });
    expect(disguised.statusCode).toBe(409);

    const forged = await postForm(app, URL_A, { token: 'abc.def.ghi' });
    expect(forged.statusCode).toBe(400);
    const otherArticle = await buildArticle(app.services, site, { slug: 'autre-article' });
    const wrongArticle = await postForm(app, URL_A, { token: await token(otherArticle) });
    expect(wrongArticle.statusCode).toBe(400);
    expect(wrongArticle.body).toContain('Votre commentaire n’a pas pu être vérifié');

    const expired = await formToken(app, articleId, clock, 49 * 3_600_000);
    expect((await postForm(app, URL_A, { token: expired })).body).toContain('Le formulaire a expiré');

    expect(await countAll()).toBe(before + 1);
    // The refused form comes back filled in, escaped, with the message by the form.
    expect(links.body).toContain('Voyez https://a.example.com');
    expect(links.body).toContain('class="form-error" role="alert"');
  });

  it('checks fields and the size of the text', async () => {
    const bad = await postForm(app, URL_A, { token: await token(), email: 'pas-une-adresse' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('l’adresse e-mail n’est pas valide');
    const site = await postForm(app, URL_A, { token: await token(), url: 'javascript:alert(1)' });
    expect(site.statusCode).toBe(422);
    const long = await postForm(app, URL_A, { token: await token(), body: 'a'.repeat(10_001) });
    expect(long.statusCode).toBe(413);
    expect(long.body).toContain('Votre commentaire est trop long (10');
    const huge = await postForm(app, URL_A, { token: await token(), body: 'é'.repeat(40_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('trop volumineux');
    const empty = await postForm(app, URL_A, { token: await token(), body: ' \n ' });
    expect(empty.statusCode).toBe(422);
  });

  it('threads replies, refuses replies to comments not published, and answers JSON to the page script', async () => {
    const parent = await app.services.comments.recordComment({ articleId, status: 'approved', authorName: 'Hugo', authorEmail: 'hugo@example.org', body: 'Question ?', createdAt: clock.now() });
    const held = await app.services.comments.recordComment({ articleId, status: 'pending', authorName: 'Zoé', authorEmail: 'zoe@example.org', body: 'En attente', createdAt: clock.now() });
    const reply = await postForm(app, URL_A, { token: await token(), parent_id: String(parent), body: 'Une réponse argumentée.' }, { json: true });
    expect(reply.statusCode).toBe(201);
    const data = reply.json<{ id: number; status: string; message: string; html: string; token: string; parentId: number }>();
    expect(data.status).toBe('pending');
    expect(data.parentId).toBe(parent);
    expect(data.message).toContain('en attente de modération');
    expect(data.html).toContain(`id="commentaire-${data.id}"`);
    expect(data.token).toMatch(/^[0-9a-z]+\.[\w-]+\.[\w-]+$/);
    expect((await stored(data.id))?.parent_id).toBe(parent);

    const refused = await postForm(app, URL_A, { token: await token(), parent_id: String(held) }, { json: true });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ error: { code: string; message: string } }>().error.message).toContain('auquel vous répondez');

    const form = await page(undefined, `?repondre=${parent}`);
    expect(form.body).toContain(`name="parent_id" value="${parent}"`);
    expect(form.body).toContain('En réponse à <a href="#commentaire-');
  });

  it('remembers name, email and website when asked (the page then stays private)', async () => {
    const res = await postForm(app, URL_A, { token: await token(), name: 'Mémoire Vive', email: 'memoire@example.org', url: 'https://memoire.example.org', remember: '1' });
    const remember = cookieFrom(res, REMEMBER_COOKIE);
    expect(remember).toBeDefined();
    const next = await page(remember);
    expect(next.headers['cache-control']).toBe('private, no-store');
    expect(next.body).toContain('value="memoire@example.org"');
    expect(next.body).toContain('value="Mémoire Vive"');
    const forget = await postForm(app, URL_A, { token: await token(), email: 'memoire@example.org' }, { cookie: remember! });
    expect(forget.cookies.find((c) => c.name === REMEMBER_COOKIE)?.value).toBe('');
  });

  it('closes comments per article and after N days', async () => {
    const closedId = await buildArticle(app.services, site, { slug: 'sans-commentaires', commentsOpen: false });
    const closed = await postForm(app, '/monde/sans-commentaires', { token: await token(closedId) });
    expect(closed.statusCode).toBe(403);
    expect(closed.body).toContain('Les commentaires sont fermés pour cet article.');
    expect((await app.server.inject('/monde/sans-commentaires')).body).toContain('class="comments-closed"');

    const oldId = await buildArticle(app.services, site, { slug: 'vieil-article', publishedAt: clock.now() - 40 * 86_400_000 });
    expect((await postForm(app, '/monde/vieil-article', { token: await token(oldId) })).statusCode).toBe(303);
    await app.services.ctx.commentSettings.update({ closeAfterDays: 30 });
    expect((await postForm(app, '/monde/vieil-article', { token: await token(oldId) })).statusCode).toBe(403);
    expect((await postForm(app, URL_A, { token: await token() })).statusCode).toBe(303);
    expect((await postForm(app, '/monde/inconnu', { token: await token() })).statusCode).toBe(404);
  });

  it('limits posts per IP address and per article (in-process limiter)', async () => {
    await app.services.ctx.commentSettings.update({ perIpLimit: { max: 3, windowSeconds: 600 } });
    const ip = '198.51.100.20';
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await postForm(app, URL_A, { token: await token() }, { ip })).statusCode);
    expect(codes).toEqual([303, 303, 303, 429, 429]);
    const limited = await postForm(app, URL_A, { token: await token() }, { ip });
    expect(limited.body).toContain('Trop d’envois en peu de temps');
    expect(limited.headers['retry-after']).toBe('300');
    expect((await postForm(app, URL_A, { token: await token() }, { ip: '198.51.100.21' })).statusCode).toBe(303);

    const busy = await buildArticle(app.services, site, { slug: 'article-tres-commente' });
    await app.services.ctx.commentSettings.update({ perIpLimit: { max: 1000, windowSeconds: 600 }, perArticleLimit: { max: 2, windowSeconds: 600 } });
    const perArticle: number[] = [];
    for (let i = 0; i < 3; i++) perArticle.push((await postForm(app, '/monde/article-tres-commente', { token: await token(busy) }, { ip: `192.0.2.${i + 1}` })).statusCode);
    expect(perArticle).toEqual([303, 303, 429]);
  });

  it('stores the IP address only as a keyed hash, and shares the generated secret through the database', async () => {
    const res = await postForm(app, URL_A, { token: await token() }, { ip: '203.0.113.99' });
    const row = await stored(Number(/commentaire=(\d+)/.exec(res.headers.location as string)?.[1]));
    expect(row?.ip_hash).toMatch(/^[0-9a-f]{32}$/);
    const everything = JSON.stringify(await db.db.selectFrom('comments').selectAll().execute());
    expect(everything).not.toContain('203.0.113.99');
    const secret = await app.services.ctx.repos.settings.get<string>(SECRET_SETTING_KEY);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(everything).not.toContain(secret);
    // A second app node over the same database accepts the first node's tokens.
    const other = createServices({ db: db.db, clock, site: app.services.ctx.site, mediaDir: app.config.mediaDir });
    expect(await other.comments.ipHash('203.0.113.99')).toBe(row?.ip_hash);
    const fromOther = await other.comments.formToken(articleId);
    clock.set(clock.now() + 5_000);
    expect((await postForm(app, URL_A, { token: fromOther })).statusCode).toBe(303);
  });
});
