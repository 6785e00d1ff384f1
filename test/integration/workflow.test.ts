/**
 * The editorial workflow on both databases: transitions and their refusals, the alt-text rule,
 * corrections on the public page, the trash with its redirect, and scheduled publication with a
 * fake clock (exactly at its time, after a restart, once under two concurrent schedulers).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { createServices, type Services } from '../../src/services/index.js';
import { Scheduler } from '../../src/services/scheduler.js';
import { openDatabase, type DatabaseHandle } from '../../src/storage/db.js';
import { buildStaff, loginAs, type AdminClient } from '../support/admin-client.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { sampleBody } from '../support/factories.js';

const START = Date.parse('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;

describeEachDatabase('editorial workflow', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let editor: AdminClient;
  let author: AdminClient;
  let categoryId: number;
  const clock = fixedClock(START);

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock });
    await buildStaff(app.services);
    categoryId = await app.services.taxonomy.createCategory({ name: 'Culture', slug: 'culture' });
    editor = await loginAs(app.server, 'editor');
    author = await loginAs(app.server, 'author');
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  async function draft(client: AdminClient, extra: Record<string, unknown> = {}): Promise<{ id: number; url: string }> {
    const res = await client.post('/api/admin/articles', { title: `Un festival de jazz ${Math.random().toString(36).slice(2, 7)}`, dek: 'Trois jours de concerts.', body: sampleBody('Le festival ouvre vendredi.'), categoryId, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; url: string };
  }
  const move = (client: AdminClient, id: number, to: string, at?: number) => client.post(`/api/admin/articles/${id}/transition`, { to, ...(at ? { at: new Date(at).toISOString() } : {}) });

  it('goes draft → review → published → unpublished → published, keeping the first date', async () => {
    const { id, url } = await draft(author);
    expect((await move(author, id, 'review')).json()).toMatchObject({ status: 'review' });
    expect((await move(editor, id, 'published')).json()).toMatchObject({ status: 'published', publishedAt: new Date(START).toISOString() });
    expect((await app.server.inject({ method: 'GET', url })).statusCode).toBe(200);
    expect((await move(editor, id, 'unpublished')).json()).toMatchObject({ status: 'unpublished' });
    expect((await app.server.inject({ method: 'GET', url })).statusCode).toBe(404);
    clock.set(START + HOUR);
    try {
      expect((await move(editor, id, 'published')).json()).toMatchObject({ status: 'published', publishedAt: new Date(START).toISOString() });
    } finally {
      clock.set(START);
    }
    const events = await app.services.ctx.repos.articleNotes.eventsFor(id);
    expect(events.map((e) => `${e.from_status}→${e.to_status}`)).toEqual(['draft→review', 'review→published', 'published→unpublished', 'unpublished→published']);
  });

  it('rejects illegal transitions with 409 and a French message', async () => {
    const { id } = await draft(editor);
    const res = await move(editor, id, 'unpublished');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'DEPECHE_ILLEGAL_TRANSITION', message: 'Impossible de passer l’article de l’état « brouillon » à l’état « dépublié » : seul un article publié peut être dépublié.' } });
    await move(editor, id, 'published');
    expect((await move(editor, id, 'draft')).json().error.message).toContain('un article publié doit d’abord être dépublié');
    const noDate = await move(editor, (await draft(editor)).id, 'scheduled');
    expect(noDate.statusCode).toBe(422);
    const past = await move(editor, (await draft(editor)).id, 'scheduled', START - HOUR);
    expect(past.statusCode).toBe(422);
  });

  it('refuses to publish while an image lacks alternative text, with a clear message', async () => {
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Texte.' }] }, { type: 'figure', attrs: { src: '/media/scene.jpg', alt: '' } }] };
    const { id } = await draft(editor, { body });
    const res = await move(editor, id, 'published');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'DEPECHE_ALT_TEXT_MISSING', message: expect.stringContaining('1 image du texte est sans texte alternatif') } });
    await editor.patch(`/api/admin/articles/${id}`, { body: { ...body, content: [body.content[0], { type: 'figure', attrs: { src: '/media/scene.jpg', alt: 'La scène en plein air' } }] } });
    expect((await move(editor, id, 'published')).statusCode).toBe(200);
    // Once published, it cannot lose its alt text either.
    expect((await editor.patch(`/api/admin/articles/${id}`, { body })).statusCode).toBe(422);
  });

  it('shows a correction with its date on the public page', async () => {
    const { id, url } = await draft(editor);
    await move(editor, id, 'published');
    const noted = await editor.post(`/api/admin/articles/${id}/notes`, { kind: 'correction', text: 'Le festival dure trois jours et non deux.' });
    expect(noted.statusCode).toBe(200);
    expect(noted.json().notes).toHaveLength(1);
    await editor.post(`/api/admin/articles/${id}/notes`, { kind: 'update', text: 'La programmation du dimanche est connue.' });
    const page = (await app.server.inject({ method: 'GET', url })).body;
    expect(page).toMatch(/<strong>Correction :<\/strong> <time datetime="2026-03-10T13:00:00\+01:00">/);
    expect(page).toContain('Le festival dure trois jours et non deux.');
    expect(page).toContain('<strong>Mise à jour :</strong>');
  });

  it('trashes with a redirect to the category, and restores as a draft', async () => {
    const { id, url } = await draft(editor);
    await move(editor, id, 'published');
    expect((await editor.delete(`/api/admin/articles/${id}`)).statusCode).toBe(204);
    const old = await app.server.inject({ method: 'GET', url });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/culture/');
    expect((await editor.get('/api/admin/articles?status=trash')).json().items.map((a: { id: number }) => a.id)).toContain(id);
    expect((await editor.get('/api/admin/articles')).json().items.map((a: { id: number }) => a.id)).not.toContain(id);
    const restored = await editor.post(`/api/admin/articles/${id}/restore`);
    expect(restored.json()).toMatchObject({ status: 'draft' });
    expect((await app.server.inject({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('keeps old URLs after a slug change (301)', async () => {
    const { id, url } = await draft(editor);
    await move(editor, id, 'published');
    const renamed = await editor.patch(`/api/admin/articles/${id}`, { slug: 'festival-jazz-nouvelle-adresse' });
    const res = await app.server.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(renamed.json().url);
  });

  it('keeps article URLs after a category is renamed (301), and 404 under a wrong category', async () => {
    const cat = (await editor.post('/api/admin/categories', { name: 'Cinéma', slug: 'cinema' })).json() as { id: number };
    const { id, url } = await draft(editor, { categoryId: cat.id });
    await move(editor, id, 'published');
    expect((await editor.patch(`/api/admin/categories/${cat.id}`, { slug: 'septieme-art' })).statusCode).toBe(200);
    const old = await app.server.inject({ method: 'GET', url });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe(url.replace('/cinema/', '/septieme-art/'));
    expect((await app.server.inject({ method: 'GET', url: '/cinema/' })).headers.location).toBe('/septieme-art/');
    expect((await app.server.inject({ method: 'GET', url: url.replace('/cinema/', '/culture/') })).statusCode).toBe(404);
  });

  it('publishes a scheduled article exactly at its time, also after a restart', async () => {
    const { id, url } = await draft(author);
    const at = START + 2 * HOUR;
    const scheduled = await move(author, id, 'scheduled', at);
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', scheduledAt: new Date(at).toISOString(), publishedAt: null });
    const scheduler = new Scheduler(app.services.workflow);
    clock.set(at - 1);
    try {
      expect(await scheduler.tick()).toEqual([]);
      expect((await app.server.inject({ method: 'GET', url })).statusCode).toBe(404);
      clock.set(at);
      expect(await scheduler.tick()).toEqual([id]);
      expect(await scheduler.tick()).toEqual([]);
      // A new process (new services, new scheduler) finds nothing more to do.
      const restarted = new Scheduler(createServices({ db: db.db, clock, site: app.services.ctx.site, mediaDir: app.config.mediaDir }).workflow);
      expect(await restarted.tick()).toEqual([]);
      const page = await app.server.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<time datetime="2026-03-10T15:00:00+01:00">');
    } finally {
      clock.set(START);
    }
  });

  it('publishes each due article once under two concurrent schedulers', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) {
      const { id } = await draft(editor);
      await move(editor, id, 'scheduled', START + HOUR + i * 1000);
      ids.push(id);
    }
    // Two processes: each its own services and, on PostgreSQL, its own connection pool.
    let second: DatabaseHandle | undefined;
    if (dialect === 'postgres') second = await openDatabase(db.config, { poolSize: 4 });
    const later = fixedClock(START + 2 * HOUR);
    const make = (handle: { db: TestDatabase['db'] }): Services => createServices({ db: handle.db, clock: later, site: app.services.ctx.site, mediaDir: app.config.mediaDir });
    const one = make(db);
    const two = make(second ?? db);
    try {
      const [a, b] = await Promise.all([one.workflow.publishDue(), two.workflow.publishDue()]);
      expect([...a, ...b].sort((x, y) => x - y)).toEqual(ids);
      for (const id of ids) {
        const events = await app.services.ctx.repos.articleNotes.eventsFor(id);
        expect(events.filter((e) => e.to_status === 'published')).toHaveLength(1);
      }
    } finally {
      await second?.close();
    }
  });
});
