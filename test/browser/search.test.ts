/**
 * Search in a real browser: a reader types a query without accents in the header's search
 * box and finds the accented article, its title and extract highlighted.
 */
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp } from '../support/app.js';
import { BROWSER_AVAILABLE, BROWSER_SKIP_REASON, launchBrowser } from '../support/browser.js';

const suite = BROWSER_AVAILABLE ? describe : describe.skip;

suite(BROWSER_AVAILABLE ? 'search in a browser (Chromium)' : `search in a browser — ${BROWSER_SKIP_REASON}`, () => {
  let app: Awaited<ReturnType<typeof startDemoApp>> | undefined;
  let browser: Browser | undefined;
  let origin = '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each([
    ['desktop', { viewport: { width: 1280, height: 900 } }],
    ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
  ] as const)('typing a query without accents finds the accented article, highlighted (%s)', async (_name, options) => {
    if (!browser) throw new Error('the browser did not start');
    const context = await browser.newContext({ baseURL: origin, ...options });
    try {
      const page = await context.newPage();
      await page.goto('/');
      const box = page.getByRole('searchbox', { name: 'Rechercher sur le site' });
      await box.fill('electricite tarif reglemente');
      await box.press('Enter');
      await page.waitForURL(/\/recherche\?q=electricite/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Rechercher');
      const result = page.locator('.search-result').first();
      const link = result.getByRole('link', { name: /Électricité : les fournisseurs anticipent une hausse modérée du tarif réglementé/ });
      expect(await link.isVisible()).toBe(true);
      const titleMarks = await result.locator('h2 mark').allInnerTexts();
      expect(titleMarks).toEqual(expect.arrayContaining(['Électricité', 'tarif', 'réglementé']));
      const snippetMark = result.locator('.snippet mark').first();
      expect(await snippetMark.isVisible()).toBe(true);
      expect((await snippetMark.innerText()).toLowerCase()).toMatch(/tarif|électricité|réglementé/);
      // The query stays in the boxes, and the page fits a phone's width.
      expect(await page.locator('#search-q').inputValue()).toBe('electricite tarif reglemente');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await link.click();
      await page.waitForURL(/\/economie\/electricite-tarif-reglemente-hausse-moderee-fevrier$/);
    } finally {
      await context.close();
    }
  });
});
