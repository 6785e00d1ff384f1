/**
 * Headless Chromium for browser tests: the system Chromium driven by playwright-core (no
 * browser download). Outside CI a missing Chromium skips the browser suite visibly; in CI
 * the suite runs anyway, so a missing Chromium fails it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { IN_CI } from './postgres.js';

/** The Chromium the tests drive (CHROMIUM_PATH overrides). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser suite runs: always in CI, elsewhere only when Chromium is installed. */
export const BROWSER_AVAILABLE = IN_CI || existsSync(CHROMIUM_PATH);

/** The suite title when it is skipped, so the skip shows in the report. */
export const BROWSER_SKIP_REASON = `Chromium not found at ${CHROMIUM_PATH}: browser tests SKIPPED (set CHROMIUM_PATH or install chromium)`;

/** Starts headless Chromium, quiet and offline apart from the pages the tests open. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is required in CI but is missing at ${CHROMIUM_PATH}`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    timeout: 30_000,
  });
}
