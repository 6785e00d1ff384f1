/**
 * The newsroom story at the API level, on both databases: a contributor writes an article
 * with a figure and submits it; an editor publishes it; it shows on the home page with its
 * figure. Anonymous callers reach nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { AdminClient, buildStaff, loginAs, type Staff } from '../support/admin-client.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { makeJpeg, multipart } from '../support/images.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

describeEachDatabase('the newsroom story over the Admin API', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let staff: Staff;
  let categoryId: number;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock: fixedClock(NOW) });
    staff = await buildStaff(app.services);
    categoryId = await app.services.taxonomy.createCategory({ name: 'Société', slug: 'societe' });
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  it('takes an article from a contributor to the home page', async () => {
    const contributor = await loginAs(app.server, 'contributor');
    const upload = await contributor.request({
      method: 'POST',
      url: '/api/admin/media',
      ...multipart({ file: { name: 'marche.jpg', type: 'image/jpeg', bytes: await makeJpeg(900, 600) }, alt: 'Les étals du marché couvert', caption: 'Le marché un samedi matin', credit: 'Photo Dépêche' }),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const media = upload.json() as { id: number; url: string };

    const created = await contributor.post('/api/admin/articles', {
      title: 'Le marché couvert rouvre ses portes',
      dek: 'Après deux ans de travaux, les commerçants retrouvent leurs étals.',
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Les habitants attendaient ce jour depuis longtemps.' }] },
          { type: 'figure', attrs: { mediaId: media.id, src: media.url, alt: 'Un étal de fromages', caption: 'Au rayon crèmerie' } },
        ],
      },
      categoryId,
      tags: ['Commerce', 'Urbanisme'],
      featuredMediaId: media.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const article = created.json() as { id: number; status: string; authorIds: number[]; url: string };
    expect(article.status).toBe('draft');
    expect(article.authorIds).toEqual([staff.contributor]);
    expect(created.json()).toMatchObject({ featuredMedia: { id: media.id, url: media.url, alt: 'Les étals du marché couvert' } });

    const publishTry = await contributor.post(`/api/admin/articles/${article.id}/transition`, { to: 'published' });
    expect(publishTry.statusCode).toBe(403);
    const submitted = await contributor.post(`/api/admin/articles/${article.id}/transition`, { to: 'review' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'review' });

    const editor = await loginAs(app.server, 'editor');
    const queue = await editor.get('/api/admin/articles?status=review');
    expect((queue.json() as { items: Array<{ id: number }> }).items.map((i) => i.id)).toContain(article.id);
    const published = await editor.post(`/api/admin/articles/${article.id}/transition`, { to: 'published' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedAt: new Date(NOW).toISOString() });

    const home = await app.server.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain('Le marché couvert rouvre ses portes');
    const page = await app.server.inject({ method: 'GET', url: article.url });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<picture>');
    expect(page.body).toContain('alt="Les étals du marché couvert"');
    expect(page.body).toMatch(/srcset="[^"]*\.avif 480w/);
    // The featured image loads first; the body's library figure is a lazy responsive <picture>.
    expect(page.body).toMatch(/<figure class="body-figure"><picture><source type="image\/avif" srcset="[^"]+ 480w, [^"]+ 900w" sizes="[^"]+"><source type="image\/webp"[^>]*><img src="\/media\/[^"]+\.jpg" srcset="[^"]+" sizes="[^"]+" width="900" height="600" alt="Un étal de fromages" loading="lazy" decoding="async"><\/picture>/);
    expect(page.body.indexOf('fetchpriority="high"')).toBeLessThan(page.body.indexOf('body-figure'));

    // The contributor can no longer change it.
    const late = await contributor.patch(`/api/admin/articles/${article.id}`, { title: 'Autre titre' });
    expect(late.statusCode).toBe(403);
  });

  it('lets nobody anonymous in', async () => {
    const anonymous = new AdminClient(app.server);
    for (const url of ['/api/admin/articles', '/api/admin/session', '/api/admin/users', '/api/admin/media', '/api/admin/categories']) {
      const res = await anonymous.get(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'DEPECHE_UNAUTHENTICATED' } });
    }
    const post = await anonymous.post('/api/admin/articles', { title: 'x', body: { type: 'doc', content: [] }, categoryId });
    expect(post.statusCode).toBe(401);
  });
});
