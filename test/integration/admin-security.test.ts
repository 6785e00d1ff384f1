/**
 * Security of the Admin API on both databases: CSRF, session fixation, session expiry,
 * login throttling, API keys, password change and reset, uploads that lie about their type.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SESSION_IDLE_MS } from '../../src/services/auth-service.js';
import { fixedClock } from '../../src/services/clock.js';
import { AdminClient, buildStaff, loginAs, STAFF_EMAILS, TEST_PASSWORD, type Staff } from '../support/admin-client.js';
import { buildServer } from '../../src/web/server.js';
import { buildTestApp, testConfig, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { sampleBody } from '../support/factories.js';
import { makeJpeg, multipart } from '../support/images.js';

const START = Date.parse('2026-03-10T12:00:00Z');

describeEachDatabase('Admin API security', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let staff: Staff;
  let categoryId: number;
  const clock = fixedClock(START);

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock });
    staff = await buildStaff(app.services);
    categoryId = await app.services.taxonomy.createCategory({ name: 'Monde', slug: 'monde' });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  const newArticle = () => ({ title: 'Un article', body: sampleBody(), categoryId });

  it('refuses a state-changing cookie call without a valid CSRF token (403)', async () => {
    const editor = await loginAs(app.server, 'editor');
    const missing = await editor.request({ method: 'POST', url: '/api/admin/articles', payload: newArticle() }, { csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ error: { code: 'DEPECHE_CSRF' } });
    const invalid = await editor.request({ method: 'POST', url: '/api/admin/articles', payload: newArticle(), headers: { 'x-csrf-token': 'abc-def' } }, { csrf: false });
    expect(invalid.statusCode).toBe(403);
    // Another session's token does not fit this session.
    const author = await loginAs(app.server, 'author');
    const foreign = await editor.request({ method: 'POST', url: '/api/admin/articles', payload: newArticle(), headers: { 'x-csrf-token': author.csrfToken! } }, { csrf: false });
    expect(foreign.statusCode).toBe(403);
    expect((await editor.post('/api/admin/articles', newArticle())).statusCode).toBe(201);
    // Reads need no token.
    expect((await editor.request({ method: 'GET', url: '/api/admin/articles' }, { csrf: false })).statusCode).toBe(200);
  });

  it('refuses url-encoded form posts (what a cross-site form would send)', async () => {
    const res = await app.server.inject({ method: 'POST', url: '/api/admin/session', payload: `email=${encodeURIComponent(STAFF_EMAILS.editor)}&password=${TEST_PASSWORD}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(415);
  });

  it('issues a new session id at login and never adopts one from the browser (no fixation)', async () => {
    const client = new AdminClient(app.server);
    client.cookie = 'depeche_session=fixed-by-the-attacker-0123456789abcdef';
    await client.login(STAFF_EMAILS.author);
    expect(client.cookie).not.toContain('fixed-by-the-attacker');
    const first = client.cookie!;
    await client.login(STAFF_EMAILS.author);
    expect(client.cookie).not.toBe(first);
    // The session the browser had before logging in again is over.
    const stale = new AdminClient(app.server);
    stale.cookie = first;
    expect((await stale.get('/api/admin/session')).statusCode).toBe(401);
    expect((await client.get('/api/admin/session')).statusCode).toBe(200);
  });

  it('sets the cookie HttpOnly, SameSite=Lax, Path=/ (Secure only on https)', async () => {
    const res = await new AdminClient(app.server).login(STAFF_EMAILS.author);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/^depeche_session=[\w-]{40,};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    expect(header).toContain('Path=/');
    expect(header).not.toContain('Secure');
    expect(res.body).not.toMatch(/password|hash/i);
  });

  it('marks the cookie Secure when the site is served over https', async () => {
    const server = await buildServer({ config: testConfig(app.config.mediaDir, { SITE_URL: 'https://www.example.fr' }), services: app.services, logger: false });
    try {
      const res = await server.inject({ method: 'POST', url: '/api/admin/session', payload: { email: STAFF_EMAILS.author, password: TEST_PASSWORD } });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await server.close();
    }
  });

  it('ends sessions at logout and after a long idle time', async () => {
    const client = await loginAs(app.server, 'author');
    expect((await client.delete('/api/admin/session')).statusCode).toBe(204);
    expect((await client.get('/api/admin/session')).statusCode).toBe(401);
    const idle = await loginAs(app.server, 'author');
    clock.set(clock.now() + SESSION_IDLE_MS + 1000);
    try {
      expect((await idle.get('/api/admin/session')).statusCode).toBe(401);
    } finally {
      clock.set(START);
    }
  });

  it('throttles logins per account with 429, then lets the real user in after a few minutes', async () => {
    const attacker = new AdminClient(app.server, '203.0.113.7');
    for (let i = 0; i < 5; i++) expect((await attacker.login(STAFF_EMAILS.contributor, 'mauvais-mot-de-passe')).statusCode).toBe(401);
    const locked = await attacker.login(STAFF_EMAILS.contributor, 'mauvais-mot-de-passe');
    expect(locked.statusCode).toBe(401);
    const blocked = await attacker.login(STAFF_EMAILS.contributor, 'encore-faux');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: { code: 'DEPECHE_TOO_MANY_ATTEMPTS' } });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits while the account is locked…
    const owner = new AdminClient(app.server, '198.51.100.20');
    expect((await owner.login(STAFF_EMAILS.contributor)).statusCode).toBe(429);
    // …but not for ever: the back-off is capped at five minutes.
    clock.set(START + 5 * 60_000 + 1000);
    try {
      expect((await owner.login(STAFF_EMAILS.contributor)).statusCode).toBe(200);
    } finally {
      clock.set(START);
    }
  });

  it('throttles logins per IP address across accounts', async () => {
    const spray = new AdminClient(app.server, '192.0.2.99');
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await spray.login(`inconnu${i}@example.org`, 'devine')).statusCode);
    expect(statuses.slice(0, 21)).toEqual(Array(21).fill(401));
    expect(statuses[21]).toBe(429);
  });

  it('authenticates scripts with revocable API keys, without CSRF', async () => {
    const editor = await loginAs(app.server, 'editor');
    const created = await editor.post('/api/admin/api-keys', { name: 'Import nocturne' });
    expect(created.statusCode).toBe(201);
    const { id, secret } = created.json() as { id: number; secret: string };
    expect(secret).toMatch(/^dpk_/);
    const listed = await editor.get('/api/admin/api-keys');
    expect(listed.body).not.toContain(secret);
    const bearer = { authorization: `Bearer ${secret}` };
    const viaKey = await app.server.inject({ method: 'POST', url: '/api/admin/articles', payload: newArticle(), headers: bearer });
    expect(viaKey.statusCode).toBe(201);
    expect((await editor.delete(`/api/admin/api-keys/${id}`)).statusCode).toBe(204);
    expect((await app.server.inject({ method: 'GET', url: '/api/admin/articles', headers: bearer })).statusCode).toBe(401);
    expect((await app.server.inject({ method: 'GET', url: '/api/admin/articles', headers: { authorization: 'Bearer dpk_nimporte-quoi' } })).statusCode).toBe(401);
  });

  it('changes a password (wrong current one refused) and resets one with a single-use token', async () => {
    const author = await loginAs(app.server, 'otherAuthor');
    expect((await author.post('/api/admin/password', { currentPassword: 'pas-le-bon', newPassword: 'un-autre-mot-de-passe' })).statusCode).toBe(403);
    expect((await author.post('/api/admin/password', { currentPassword: TEST_PASSWORD, newPassword: 'court' })).statusCode).toBe(422);
    expect((await author.post('/api/admin/password', { currentPassword: TEST_PASSWORD, newPassword: 'un-autre-mot-de-passe' })).statusCode).toBe(204);
    expect((await new AdminClient(app.server).login(STAFF_EMAILS.otherAuthor, 'un-autre-mot-de-passe')).statusCode).toBe(200);

    const { token } = await app.services.auth.createResetToken(STAFF_EMAILS.otherAuthor);
    const anonymous = new AdminClient(app.server);
    expect((await anonymous.post('/api/admin/password/reset', { token, newPassword: TEST_PASSWORD })).statusCode).toBe(204);
    expect((await anonymous.post('/api/admin/password/reset', { token, newPassword: 'encore-un-autre-mdp' })).statusCode).toBe(400);
    // The reset ended every session of the account.
    expect((await author.get('/api/admin/session')).statusCode).toBe(401);
    expect((await new AdminClient(app.server).login(STAFF_EMAILS.otherAuthor)).statusCode).toBe(200);
  });

  it('refuses uploads by content: a lying extension, an SVG with a script, an oversized file', async () => {
    const author = await loginAs(app.server, 'author');
    const upload = (name: string, type: string, bytes: Buffer) => author.request({ method: 'POST', url: '/api/admin/media', ...multipart({ alt: 'x', file: { name, type, bytes } }) });

    const html = await upload('photo.jpg', 'image/jpeg', Buffer.from('<html><body><script>alert(1)</script></body></html>'));
    expect(html.statusCode).toBe(415);
    expect(html.json()).toMatchObject({ error: { code: 'DEPECHE_MEDIA_TYPE' } });

    const svg = await upload('logo.png', 'image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>'));
    expect(svg.statusCode).toBe(415);
    expect(svg.json().error.message).toContain('SVG');

    const big = await upload('enorme.jpg', 'image/jpeg', Buffer.concat([await makeJpeg(16, 16), Buffer.alloc(16 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);

    // A real JPEG named .png is taken for what it is.
    const jpegNamedPng = await upload('vraie-photo.png', 'image/png', await makeJpeg(320, 200));
    expect(jpegNamedPng.statusCode).toBe(201);
    expect(jpegNamedPng.json()).toMatchObject({ mimeType: 'image/jpeg', width: 320, height: 200 });
    expect(staff.author).toBeGreaterThan(0);
  });
});
