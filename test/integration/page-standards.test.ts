/**
 * Valid and light pages on the demo site: every public page type, and every article, category,
 * tag and author page the sitemaps and pages link to, passes html-validate (recommended rules,
 * configured in .htmlvalidate.json) with no error; images carry their size and alt text; no
 * script is needed to read; the article page stays under its byte budget.
 * Accessibility (axe-core) runs in Chromium: test/browser/accessibility.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { startDemoApp } from '../support/app.js';
import { ARTICLE_PAGE_BUDGET_BYTES, PUBLIC_PAGE_TYPES, REFERENCE_ARTICLE_PATH } from '../support/page-types.js';

const validator = new HtmlValidate(JSON.parse(readFileSync(join(PROJECT_ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData);

/** html-validate's errors for a page, one line each. */
async function validationErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`));
}

describe('page standards on the demo site', () => {
  let app: Awaited<ReturnType<typeof startDemoApp>>;
  const get = (url: string) => app.server.inject({ method: 'GET', url });

  beforeAll(async () => {
    app = await startDemoApp();
  });
  afterAll(async () => app?.close());

  it('the validator reports errors when there are some', async () => {
    const errors = await validationErrors('<!doctype html><html lang="fr"><head><title>x</title></head><body><img src="/x.png"><p><div>bloc</div></p></body></html>');
    expect(errors.join('\n')).toMatch(/wcag\/h37|element-permitted-content|close-order/);
  });

  it.each(PUBLIC_PAGE_TYPES.map((p) => [p.type, p] as const))('%s page: html-validate finds no error', async (_type, page) => {
    const res = await get(page.path);
    expect(res.statusCode).toBe(page.status);
    const errors = await validationErrors(res.body);
    process.stdout.write(`html-validate ${page.type} ${page.path}: ${errors.length} error(s), ${Buffer.byteLength(res.body)} bytes\n`);
    expect(errors).toEqual([]);
  });

  it('every article, category, tag and author page of the demo passes html-validate', async () => {
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const paths = new Set([...locs((await get('/sitemap-sections.xml')).body), ...locs((await get('/sitemap-articles-1.xml')).body)]);
    expect(paths.size).toBeGreaterThan(40);
    // Tags and authors: every one an article links to.
    for (const path of [...paths]) {
      const html = (await get(path)).body;
      for (const m of html.matchAll(/href="(\/(?:tag|auteur)\/[^"/?]+)"/g)) paths.add(m[1]!);
    }
    const failures: string[] = [];
    for (const path of paths) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(200);
      for (const error of await validationErrors(res.body)) failures.push(`${path}: ${error}`);
    }
    process.stdout.write(`html-validate sweep: ${paths.size} pages, ${failures.length} error(s)\n`);
    expect(failures).toEqual([]);
  });

  it.each(PUBLIC_PAGE_TYPES.map((p) => [p.type, p] as const))('%s page: images sized and described, landmarks, no script to read', async (_type, page) => {
    const html = (await get(page.path)).body;
    for (const img of html.match(/<img [^>]*>/g) ?? []) {
      expect(img, 'width').toMatch(/ width="\d+"/);
      expect(img, 'height').toMatch(/ height="\d+"/);
      expect(img, 'alt').toMatch(/ alt="[^"]+"/);
    }
    // Besides JSON-LD data, the only script is the comment form's optional enhancement
    // (deferred, same origin): nothing is needed to read.
    const scripts = (html.match(/<script\b[^>]*>/g) ?? []).filter((tag) => tag !== '<script type="application/ld+json">');
    expect(scripts.every((tag) => /^<script src="\/static\/comments\.js\?v=[0-9a-f]+" defer>$/.test(tag))).toBe(true);
    expect(scripts.length).toBeLessThanOrEqual(1);
    expect(html).toMatch(/<body><a class="skip-link" href="#contenu">/);
    expect(html).toContain('<main id="contenu"');
    for (const landmark of ['<header class="site-header">', '<nav class="site-nav" aria-label="Rubriques">', '<footer class="site-footer">']) expect(html).toContain(landmark);
  });

  it('every field of the comment form has its label', async () => {
    const page = (await get(REFERENCE_ARTICLE_PATH)).body;
    // The comment form alone (the header's search field has its own, visually hidden, label).
    const html = page.slice(page.indexOf('<form class="comment-form"'), page.indexOf('</form>', page.indexOf('<form class="comment-form"')));
    const fields = [...html.matchAll(/<(?:input|textarea) [^>]*id="([^"]+)"/g)].map((m) => m[1]!);
    expect(fields).toEqual(expect.arrayContaining(['comment-body', 'comment-name', 'comment-email', 'comment-url']));
    for (const id of fields) expect(html).toContain(`<label for="${id}">`);
  });

  it(`the article page weighs less than ${ARTICLE_PAGE_BUDGET_BYTES} bytes, HTML and CSS, uncompressed`, async () => {
    const page = await get(REFERENCE_ARTICLE_PATH);
    const stylesheets = [...page.body.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(stylesheets).toHaveLength(1);
    const css = await get(stylesheets[0]!);
    expect(css.headers['cache-control']).toContain('immutable');
    const cssBytes = css.rawPayload.length;
    const htmlBytes = page.rawPayload.length;
    process.stdout.write(`article page ${REFERENCE_ARTICLE_PATH}: HTML ${htmlBytes} bytes + CSS ${cssBytes} bytes = ${htmlBytes + cssBytes} bytes\n`);
    expect(htmlBytes + cssBytes).toBeLessThan(ARTICLE_PAGE_BUDGET_BYTES);
    // A small stylesheet, with its print rules.
    expect(cssBytes).toBeLessThan(16_000);
    expect(css.body).toContain('@media print');
    // Every demo article fits too.
    const locs = [...(await get('/sitemap-articles-1.xml')).body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    let heaviest = { path: '', bytes: 0 };
    for (const path of locs) {
      const bytes = (await get(path)).rawPayload.length;
      if (bytes > heaviest.bytes) heaviest = { path, bytes };
    }
    process.stdout.write(`heaviest demo article ${heaviest.path}: HTML ${heaviest.bytes} bytes + CSS ${cssBytes} bytes\n`);
    expect(heaviest.bytes + cssBytes).toBeLessThan(ARTICLE_PAGE_BUDGET_BYTES);
  });

  it('the demo articles are stored with French typography', async () => {
    const html = (await get(REFERENCE_ARTICLE_PATH)).body;
    expect(html).toContain('une réunion «\u00a0de travail\u00a0»');
    expect(html).toContain('<strong>Mise à jour, 18\u00a0h\u00a030\u202f:</strong>');
    expect(html).toContain('Plan de paix pour l’Ukraine\u202f: une rencontre');
    // Attributes and URLs untouched.
    expect(html).toContain('alt="Illustration : une table de négociation entre deux drapeaux"');
  });
});
