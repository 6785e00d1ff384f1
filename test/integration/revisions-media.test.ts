/**
 * Revisions (every save, list, readable diff, restore), media uploads (GPS EXIF stripped from
 * every rendition, responsive images on the public page) and the OpenAPI document, on both
 * databases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { buildStaff, loginAs, type AdminClient } from '../support/admin-client.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { hasGpsTag, makeJpeg, multipart } from '../support/images.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describeEachDatabase('revisions, media and the OpenAPI document', (dialect) => {
  let db: TestDatabase;
  let app: TestApp;
  let editor: AdminClient;
  let categoryId: number;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    app = await buildTestApp(db, { clock: fixedClock(NOW) });
    await buildStaff(app.services);
    categoryId = await app.services.taxonomy.createCategory({ name: 'Sciences', slug: 'sciences' });
    editor = await loginAs(app.server, 'editor');
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  it('keeps a revision per save, shows a readable diff and restores', async () => {
    const created = await editor.post('/api/admin/articles', { title: 'La comète revient', dek: 'Visible à l’œil nu.', body: { type: 'doc', content: [paragraph('La comète sera visible en mars.')] }, categoryId });
    const id = (created.json() as { id: number }).id;
    await editor.patch(`/api/admin/articles/${id}`, { title: 'La comète est de retour', body: { type: 'doc', content: [paragraph('La comète sera visible en avril, à l’aube.')] } });
    await editor.patch(`/api/admin/articles/${id}`, { dek: 'Une paire de jumelles suffit.' });
    const list = (await editor.get(`/api/admin/articles/${id}/revisions`)).json() as Array<{ id: number; userName: string; createdAt: string }>;
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({ userName: 'Édith Éditrice', createdAt: new Date(NOW).toISOString() });
    const [third, second, first] = list.map((r) => r.id);

    const one = (await editor.get(`/api/admin/articles/${id}/revisions/${first}`)).json();
    expect(one).toMatchObject({ title: 'La comète revient', dek: 'Visible à l’œil nu.' });

    const diff = (await editor.get(`/api/admin/articles/${id}/revisions/diff?from=${first}&to=${second}`)).json() as { changes: unknown[]; bodyDiff: Array<{ op: string; text: string }> };
    expect(diff.changes).toEqual([{ field: 'title', before: 'La comète revient', after: 'La comète est de retour' }]);
    expect(diff.bodyDiff.filter((p) => p.op === 'delete').map((p) => p.text.trim())).toContain('mars');
    expect(diff.bodyDiff.filter((p) => p.op === 'insert').map((p) => p.text).join('')).toContain('avril');
    expect(diff.bodyDiff.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe('La comète sera visible en mars.');

    const restored = await editor.post(`/api/admin/articles/${id}/revisions/${first}/restore`);
    expect(restored.json()).toMatchObject({ title: 'La comète revient', dek: 'Visible à l’œil nu.' });
    const after = (await editor.get(`/api/admin/articles/${id}/revisions`)).json() as Array<{ id: number; note: string }>;
    expect(after).toHaveLength(4);
    expect(after[0]!.note).toContain(`révision n° ${first}`);
    expect(third).toBeGreaterThan(second!);
  });

  it('strips GPS and every other EXIF from the renditions of an uploaded JPEG', async () => {
    const source = await makeJpeg(1000, 750, { gps: true });
    expect(hasGpsTag((await sharp(source).metadata()).exif)).toBe(true);
    const res = await editor.request({ method: 'POST', url: '/api/admin/media', ...multipart({ file: { name: 'Éclipse au Pic du Midi.JPG', type: 'image/jpeg', bytes: source }, alt: 'L’éclipse vue du Pic du Midi', credit: 'Photo lectrice' }) });
    expect(res.statusCode, res.body).toBe(201);
    const media = res.json() as { width: number; height: number; alt: string; variants: Array<{ url: string; width: number; format: string }> };
    expect(media).toMatchObject({ width: 1000, height: 750, alt: 'L’éclipse vue du Pic du Midi' });
    expect(media.variants.map((v) => `${v.format}:${v.width}`).sort()).toEqual(['avif:1000', 'avif:480', 'avif:800', 'jpeg:1000', 'jpeg:480', 'jpeg:800', 'webp:1000', 'webp:480', 'webp:800']);
    for (const variant of media.variants) {
      expect(variant.url).toMatch(/^\/media\/\d{4}\/\d{2}\/eclipse-au-pic-du-midi-[0-9a-f]{12}-\d+\.(avif|webp|jpg)$/);
      const bytes = readFileSync(join(app.config.mediaDir, variant.url.slice('/media/'.length)));
      const meta = await sharp(bytes).metadata();
      expect(meta.exif, variant.url).toBeUndefined();
      expect(hasGpsTag(meta.exif)).toBe(false);
      expect(bytes.includes(Buffer.from('Appareil de test'))).toBe(false);
    }
    // The stored files are served.
    expect((await app.server.inject({ method: 'GET', url: media.variants[0]!.url })).statusCode).toBe(200);
  });

  it('answers a second upload of the same image with the same item, filling its empty texts', async () => {
    const bytes = await makeJpeg(500, 400);
    let n = 0;
    // Another file name each time: the content decides.
    const send = (alt: string) => editor.request({ method: 'POST', url: '/api/admin/media', ...multipart({ file: { name: `pont-${++n}.jpg`, type: 'image/jpeg', bytes }, alt }) });
    const first = await send('');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ alt: '', duplicate: false });
    const again = await send('Le pont au petit matin');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, alt: 'Le pont au petit matin', duplicate: true });
    // Texts already there are kept.
    expect((await send('Autre texte')).json()).toMatchObject({ alt: 'Le pont au petit matin' });
    expect((await editor.get(`/api/admin/media/${first.json().id}`)).json()).toMatchObject({ alt: 'Le pont au petit matin' });
  });

  it('serves an OpenAPI 3.1 document that validates', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/api/admin/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths)).toContain('/api/admin/articles/{id}/transition');
  });
});
