/**
 * XSS: every payload of ../shared/testdata/xss is posted through the real comment route as
 * the comment text, as the name and as the website; the published pages are then opened in
 * Chromium with the Content-Security-Policy header removed (so escaping alone is tested):
 * no script may run (alert, confirm, prompt, print, console and a global flag are hooked),
 * no element or attribute of the payloads may exist, and each stored text must show verbatim.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseCommentText, normaliseLine } from '../../src/domain/comment-text.js';
import { fixedClock } from '../../src/services/clock.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { BROWSER_AVAILABLE, BROWSER_SKIP_REASON, launchBrowser } from '../support/browser.js';
import { postForm } from '../support/comments.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { buildArticle, buildSite } from '../support/factories.js';
import { loadXssCorpus, XSS_AVAILABLE, XSS_DIR, type Payload } from '../support/xss-corpus.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const ARTICLES = 10;
const BATCH = 100;

const skipReason = !BROWSER_AVAILABLE ? BROWSER_SKIP_REASON : !XSS_AVAILABLE ? `XSS corpus not found at ${XSS_DIR}: XSS suite SKIPPED` : '';
if (skipReason) process.stdout.write(`\n⚠ ${skipReason}\n\n`);
const suite = skipReason ? describe.skip : describe;

/** Folds white space as a browser's innerText shows it. */
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What is expected on the page for one accepted post. */
interface Expected {
  payload: Payload;
  name: string;
  body: string;
  website: string | null;
}

suite(`XSS corpus through the comment form, rendered in Chromium${skipReason ? ` — ${skipReason}` : ''}`, () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let origin = '';
  const clock = fixedClock(NOW);
  const articleUrls: string[] = [];
  const expected = new Map<number, Expected>();
  const figures = { read: 0, unique: 0, textPosts: 0, textAccepted: 0, textRefused: 0, websitePosts: 0, websiteAccepted: 0, websiteRefused: 0, pages: 0, commentsChecked: 0 };

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = await buildTestApp(db, { clock });
    const site = await buildSite(app.services);
    for (let i = 0; i < ARTICLES; i++) {
      await buildArticle(app.services, site, { slug: `xss-${i}`, title: `Page d’essai ${i}` });
      articleUrls.push(`/monde/xss-${i}`);
    }
    // Raised for the test: it posts thousands of comments from a few addresses within a second.
    await app.services.ctx.commentSettings.update({ minSecondsBeforePost: 0, maxLinks: 100, maxLength: 100_000, perIpLimit: { max: 1_000_000, windowSeconds: 60 }, perArticleLimit: { max: 1_000_000, windowSeconds: 60 } });
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.destroy();
  });

  async function tokenFor(url: string): Promise<string> {
    const target = await app.services.publicSite.commentTarget('monde', url.split('/')[2]!);
    return app.services.comments.formToken(target!.id);
  }

  it('posts every payload as text, name and website through the real route; none fails with a server error', async () => {
    const { payloads, read } = loadXssCorpus();
    figures.read = read;
    figures.unique = payloads.length;
    expect(payloads.length).toBeGreaterThan(1000);
    const tokens = await Promise.all(articleUrls.map(tokenFor));
    for (let start = 0; start < payloads.length; start += BATCH) {
      const batch = payloads.slice(start, start + BATCH);
      await Promise.all(
        batch.flatMap((payload, k) => {
          const i = start + k;
          const article = i % ARTICLES;
          // Each post has its own address and email so that duplicates (same text) are not refused.
          const ip = `127.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
          const name = Array.from(normaliseLine(payload.text)).slice(0, 90).join('') || 'Anonyme';
          const body = normaliseCommentText(payload.text);
          const text = body === '' ? null : postForm(app, articleUrls[article]!, { token: tokens[article]!, name, email: `texte${i}@example.org`, body: payload.text }, { ip }).then(async (res) => {
            figures.textPosts++;
            if (res.statusCode !== 303) {
              figures.textRefused++;
              expect(res.statusCode, `text post of ${JSON.stringify(payload.text)}`).toBeLessThan(500);
              return;
            }
            figures.textAccepted++;
            expected.set(Number(/commentaire=(\d+)/.exec(res.headers.location as string)?.[1]), { payload, name, body, website: null });
          });
          // Asked as the page script asks (JSON): a refusal then costs no page rendering.
          const site = postForm(app, articleUrls[article]!, { token: tokens[article]!, name: `Site ${i}`, email: `site${i}@example.org`, body: `Mon site, numéro ${i}.`, url: payload.text }, { ip: `127.200.${(i >> 8) & 255}.${i & 255}`, json: true }).then(async (res) => {
            figures.websitePosts++;
            expect(res.statusCode, `website post of ${JSON.stringify(payload.text)}`).toBeLessThan(500);
            if (res.statusCode !== 201) {
              figures.websiteRefused++;
              expect(res.statusCode).toBe(422);
              expect(res.json<{ error: { message: string } }>().error.message).toContain('site web n’est pas valide');
              return;
            }
            figures.websiteAccepted++;
            const id = res.json<{ id: number }>().id;
            const row = await app.services.ctx.repos.comments.findById(id);
            expect(row?.author_url, `stored website of ${JSON.stringify(payload.text)}`).toMatch(/^https?:\/\/[^\s"'<>`]+$/);
            expected.set(id, { payload, name: `Site ${i}`, body: `Mon site, numéro ${i}.`, website: row!.author_url });
          });
          return text === null ? [site] : [text, site];
        }),
      );
    }
    expect(figures.textAccepted).toBeGreaterThan(payloads.length * 0.95);
    // Publish them all (moderation itself is tested elsewhere).
    await db.db.updateTable('comments').set({ status: 'approved' }).execute();
  }, 120_000);

  /** Opens an article page without its CSP, with every way a payload could signal hooked. */
  async function openWithoutCsp(url: string): Promise<{ page: Page; hits: string[] }> {
    const context = await browser.newContext({ baseURL: origin });
    const page = await context.newPage();
    const hits: string[] = [];
    await page.exposeFunction('__xssReport', (what: string) => hits.push(what));
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown> & { __xssReport(what: string): void };
      const report = (what: string) => w.__xssReport(what);
      for (const name of ['alert', 'confirm', 'prompt', 'print']) w[name] = (...args: unknown[]) => report(`${name}(${String(args[0]).slice(0, 60)})`);
      for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) console[level] = (...args: unknown[]) => report(`console.${level}(${String(args[0]).slice(0, 60)})`);
      Object.defineProperty(window, '__xssRan', { set: (value) => report(`__xssRan=${String(value)}`), get: () => undefined });
    });
    page.on('dialog', (dialog) => {
      hits.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => hits.push(`page error: ${error.message}`));
    await page.route(`${origin}/**`, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-security-policy'];
      await route.fulfill({ response, headers });
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, hits };
  }

  it('renders every accepted payload as plain text: no script runs, no payload element or attribute exists', async () => {
    expect(expected.size).toBeGreaterThan(0);
    for (const url of articleUrls) {
      const { page, hits } = await openWithoutCsp(url);
      figures.pages++;
      // Give handlers that wait (autofocus, timers, animations) a moment to fire.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
      const found = await page.evaluate(() => {
        const section = document.querySelector('section#commentaires');
        const allowed = new Set(['section', 'h2', 'h3', 'span', 'ol', 'li', 'article', 'header', 'a', 'time', 'sup', 'p', 'div', 'br', 'form', 'input', 'label', 'textarea', 'button']);
        const problems: string[] = [];
        for (const el of Array.from(section?.querySelectorAll('*') ?? [])) {
          const tag = el.tagName.toLowerCase();
          if (!allowed.has(tag)) problems.push(`element <${tag}>`);
          for (const attr of Array.from(el.attributes)) {
            if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'srcdoc' || attr.name === 'formaction') problems.push(`attribute ${attr.name} on <${tag}>`);
          }
          const href = el.getAttribute('href');
          if (href !== null && !/^(https?:\/\/|#|\/)/.test(href)) problems.push(`href ${href.slice(0, 80)}`);
        }
        const comments = Array.from(document.querySelectorAll('li.comment')).map((li) => ({
          id: Number(li.id.replace('commentaire-', '')),
          author: (li.querySelector(':scope > article .comment-author') as HTMLElement | null)?.innerText ?? null,
          body: (li.querySelector(':scope > article .comment-body') as HTMLElement | null)?.innerText ?? null,
          site: li.querySelector(':scope > article .comment-author a')?.getAttribute('href') ?? null,
        }));
        return { problems, comments, scripts: document.scripts.length };
      });
      expect(hits, `${url}: script ran`).toEqual([]);
      expect(found.problems, `${url}: unexpected markup`).toEqual([]);
      // The page's own scripts: the two JSON-LD blocks (article, breadcrumb) and the comment form script, nothing more.
      expect(found.scripts).toBe(3);
      for (const shown of found.comments) {
        const want = expected.get(shown.id);
        if (!want) continue;
        figures.commentsChecked++;
        expect(fold(shown.author ?? ''), `name of ${JSON.stringify(want.payload.text)}`).toBe(fold(want.name));
        expect(fold(shown.body ?? ''), `text of ${JSON.stringify(want.payload.text)} (${want.payload.source})`).toBe(fold(want.body));
        expect(shown.site).toBe(want.website);
      }
      await page.context().close();
    }
    expect(figures.commentsChecked).toBe(expected.size);
    process.stdout.write(
      `\nXSS corpus: ${figures.read} payloads read, ${figures.unique} unique tried; as text+name: ${figures.textPosts} posted, ${figures.textAccepted} published, ${figures.textRefused} refused; ` +
        `as website: ${figures.websitePosts} posted, ${figures.websiteAccepted} accepted, ${figures.websiteRefused} refused (not an http(s) address); ` +
        `${figures.commentsChecked} comments checked on ${figures.pages} pages in Chromium, no script ran.\n`,
    );
  }, 120_000);
});
