/**
 * Accessibility in Chromium: axe-core (from node_modules, injected into each page) finds no
 * violation on any public page type, on a desktop and on a phone screen; the skip link works
 * from the keyboard with a visible focus; images keep their place while loading (no layout
 * shift); the print stylesheet keeps the article and drops the chrome.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp } from '../support/app.js';
import { BROWSER_AVAILABLE, BROWSER_SKIP_REASON, launchBrowser } from '../support/browser.js';
import { PUBLIC_PAGE_TYPES, REFERENCE_ARTICLE_PATH } from '../support/page-types.js';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** What axe reports of one violation. */
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

const suite = BROWSER_AVAILABLE ? describe : describe.skip;
const suiteTitle = BROWSER_AVAILABLE ? 'accessibility in a browser (Chromium, axe-core)' : `accessibility in a browser — ${BROWSER_SKIP_REASON}`;

suite(suiteTitle, () => {
  let app: Awaited<ReturnType<typeof startDemoApp>> | undefined;
  let browser: Browser | undefined;
  let origin = '';
  let startError: unknown;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startDemoApp(), launchBrowser()]);
    if (started.status === 'fulfilled') app = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    try {
      if (started.status === 'rejected') throw started.reason;
      if (launched.status === 'rejected') throw launched.reason;
      await started.value.server.listen({ port: 0, host: '127.0.0.1' });
      origin = `http://127.0.0.1:${(started.value.server.server.address() as AddressInfo).port}`;
    } catch (error) {
      startError = error;
    }
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A page in a fresh context; `bypassCSP` only where axe's script must be injected. */
  async function openPage(options: BrowserContextOptions & { bypassCSP?: boolean } = DESKTOP): Promise<Page> {
    if (startError !== undefined) throw startError;
    if (browser === undefined) throw new Error('the browser did not start');
    const context = await browser.newContext({ baseURL: origin, ...options });
    contexts.push(context);
    context.setDefaultTimeout(10_000);
    return context.newPage();
  }

  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE_PATH });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }

  it.each(PUBLIC_PAGE_TYPES.flatMap((p) => [[p.type, 'desktop', p, DESKTOP] as const, [p.type, 'phone', p, PHONE] as const]))(
    '%s page (%s): axe-core finds no violation',
    async (_type, screen, pageType, options) => {
      const page = await openPage({ ...options, bypassCSP: true });
      const response = await page.goto(pageType.path);
      expect(response?.status()).toBe(pageType.status);
      const violations = await axeViolations(page);
      process.stdout.write(`axe-core ${pageType.type} (${screen}) ${pageType.path}: ${violations.length} violation(s)\n`);
      expect(violations).toEqual([]);
    },
  );

  it('the axe harness reports violations when there are some', async () => {
    const page = await openPage({ ...DESKTOP, bypassCSP: true });
    await page.setContent('<!doctype html><html><head><title>x</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#bbb;background:#fff">pâle</p></main></body></html>');
    const ids = (await axeViolations(page)).map((v) => v.split(' ')[0]);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'color-contrast']));
  });

  it('the skip link is the first stop of the keyboard, visible when focused, and leads to the content', async () => {
    const page = await openPage();
    await page.goto(REFERENCE_ARTICLE_PATH);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.textContent()).toBe('Aller au contenu');
    const box = await skip.boundingBox();
    expect(box !== null && box.y >= 0 && box.height > 10, 'the focused skip link is on screen').toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    // The next Tab goes on from the content, past the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('header.site-header') === null)).toBe(true);
  });

  it('links show where the keyboard focus is', async () => {
    const page = await openPage();
    await page.goto('/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const style = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { tag: el.tagName, outline: s.outlineStyle, width: s.outlineWidth };
    });
    expect(style.tag).toBe('A');
    expect(style.outline).not.toBe('none');
    expect(parseFloat(style.width)).toBeGreaterThanOrEqual(2);
  });

  it('images keep their place while they load: no layout shift on the article page', async () => {
    const page = await openPage(PHONE);
    await page.goto(REFERENCE_ARTICLE_PATH);
    for (const img of await page.locator('img').all()) await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) total += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
        }),
    );
    expect(shift).toBeLessThan(0.01);
  });

  it('prints the article without navigation, comment form or related articles', async () => {
    const page = await openPage();
    await page.goto(REFERENCE_ARTICLE_PATH);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('.article-body').isVisible()).toBe(true);
    for (const hidden of ['.site-nav', 'form.comment-form', 'aside.related', '.skip-link']) expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
  });
});
