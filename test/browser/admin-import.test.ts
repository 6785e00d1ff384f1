/**
 * Importing from the admin in a real browser (Chromium): an administrator uploads a real Ghost
 * export, sees the upload and import progress, then the report (counts per type, warnings
 * with ids), which axe-core finds accessible; the imported article is on the public site.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { BROWSER_AVAILABLE, BROWSER_SKIP_REASON } from '../support/browser.js';
import { useDemoSiteInBrowser } from '../support/browser-site.js';
import { sharedTestdata } from '../support/shared-testdata.js';

const PASSWORD = 'une-phrase-de-passe-solide';
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ghost = sharedTestdata('ghost');
const suite = BROWSER_AVAILABLE ? describe : describe.skip;

function poll<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 30_000, interval: 50 });
}

suite(BROWSER_AVAILABLE ? 'admin import screen in a browser (Chromium)' : `admin import screen in a browser — ${BROWSER_SKIP_REASON}`, () => {
  const site = useDemoSiteInBrowser({ clock: fixedClock(Date.now()) });

  it('an administrator imports a Ghost export, follows it and reads the report; the article is on the site', async (context) => {
    if (!ghost.available) return context.skip(ghost.skipReason);
    await site.app.services.users.createUser({ email: 'claire.admin@example.org', name: 'Claire Admin', role: 'administrator', password: PASSWORD });
    const admin = await site.open({ bypassCSP: true });
    await admin.goto('/admin/importer');
    await admin.getByLabel('Adresse e-mail').fill('claire.admin@example.org');
    await admin.getByLabel('Mot de passe').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Se connecter' }).click();
    await poll(() => admin.getByRole('heading', { level: 1, name: 'Importer des contenus' }).isVisible()).toBe(true);
    expect(await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Importer' }).getAttribute('aria-current')).toBe('page');

    await admin.getByLabel('Fichier à importer').setInputFiles(join(ghost.path, 'tryghost-migrate/ghost.json'));
    await admin.getByRole('button', { name: 'Lancer l’import' }).click();

    const report = admin.getByRole('region', { name: 'Rapport d’import (Ghost)' });
    await poll(() => report.isVisible()).toBe(true);
    // Both bars reached the end.
    expect(await admin.locator('#import-upload-progress').getAttribute('value')).toBe('100');
    expect(await admin.locator('#import-job-progress').getAttribute('value')).toBe('100');
    expect(await admin.getByText('Import (export Ghost) : terminé').isVisible()).toBe(true);
    const articles = report.getByRole('row', { name: /^Articles/ });
    expect((await articles.getByRole('cell').allInnerTexts()).map((t) => t.trim())).toEqual(['3', '0', '0', '0']);
    // The Lexical post had neither author nor tag: the warnings say so, with its Ghost id.
    expect(await report.getByRole('listitem').filter({ hasText: 'post 3686b35d96fe6fd2a2748c81' }).count()).toBeGreaterThan(0);

    await admin.addScriptTag({ path: AXE_PATH });
    const violations = await admin.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    });
    expect(violations).toEqual([]);

    // The imported post, under its primary tag, on the public site; its old Ghost address redirects there.
    const reader = await site.open();
    const response = await reader.goto('/post-1/');
    expect(response?.url()).toMatch(/\/news\/post-1$/);
    expect(await reader.getByRole('heading', { level: 1 }).innerText()).toBe('Post 1');
    expect(await reader.getByText('Hello world').isVisible()).toBe(true);
  });
});
