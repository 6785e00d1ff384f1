/**
 * A private demo site served on 127.0.0.1 plus Chromium, for one browser test file: the hooks
 * start both before the tests, close each test's browser contexts after it, and stop both at
 * the end.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Clock } from '../../src/services/clock.js';
import { startDemoApp } from './app.js';
import { launchBrowser } from './browser.js';

/** The running demo app of a browser test file. */
export type DemoApp = Awaited<ReturnType<typeof startDemoApp>>;

/** What a browser test file gets: the app, its address, and fresh pages. */
export interface BrowserSite {
  /** The demo app (services for set-up and checks); valid once the hooks ran. */
  readonly app: DemoApp;
  /** http://127.0.0.1:PORT of the listening app. */
  readonly origin: string;
  /** A page in a new browser context (closed after the test), at desktop size by default. */
  open(options?: BrowserContextOptions): Promise<Page>;
}

/** Registers the hooks and returns the site they start. */
export function useDemoSiteInBrowser(options: { clock?: Clock } = {}): BrowserSite {
  let app: DemoApp | undefined;
  let browser: Browser | undefined;
  let origin = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startDemoApp(options.clock ? { clock: options.clock } : {}), launchBrowser()]);
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  return {
    get app() {
      if (!app) throw new Error('the demo app has not started');
      return app;
    },
    get origin() {
      return origin;
    },
    async open(contextOptions = {}) {
      if (!browser) throw new Error('Chromium has not started');
      const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 900 }, ...contextOptions });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      return context.newPage();
    },
  };
}
