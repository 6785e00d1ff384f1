/**
 * The admin comments screen in a real browser (Chromium): an editor downloads a commenter's
 * export as JSON; with the reply and edit forms and the erase dialog open, axe-core finds no
 * violation; an author, who may not moderate, sees only the count waiting on their articles.
 * (The approval of a reader's comment through this screen is in comments.test.ts.)
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { BROWSER_AVAILABLE, BROWSER_SKIP_REASON } from '../support/browser.js';
import { useDemoSiteInBrowser } from '../support/browser-site.js';
import { sampleBody } from '../support/factories.js';

const EDITOR_PASSWORD = 'une-phrase-de-passe-solide';
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const suite = BROWSER_AVAILABLE ? describe : describe.skip;

function poll<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

suite(BROWSER_AVAILABLE ? 'admin comments screen in a browser (Chromium)' : `admin comments screen in a browser — ${BROWSER_SKIP_REASON}`, () => {
  const clock = fixedClock(Date.now());
  const site = useDemoSiteInBrowser({ clock });
  const open = site.open;

  it('the admin comments screen: the export downloads as JSON; with the reply and edit forms and the erase dialog open, axe-core finds no violation', async () => {
    const articleId = (await site.app.services.ctx.repos.articles.findBySlug('plan-de-paix-rencontre-diplomatique-a-moscou'))?.id;
    expect(articleId).toBeTypeOf('number');
    await site.app.services.comments.recordComment({ articleId: articleId!, status: 'pending', authorName: 'Noémie Vasseur', authorEmail: 'noemie.vasseur@example.org', body: 'Une question sur le calendrier.', createdAt: clock.now() });
    await site.app.services.users.createUser({ email: 'bruno.lemoine@example.org', name: 'Bruno Lemoine', role: 'editor', password: EDITOR_PASSWORD });
    // axe's script is injected, so this page only goes without the Content Security Policy.
    const admin = await open({ bypassCSP: true });
    await admin.goto('/admin/commentaires');
    await admin.getByLabel('Adresse e-mail').fill('bruno.lemoine@example.org');
    await admin.getByLabel('Mot de passe').fill(EDITOR_PASSWORD);
    await admin.getByRole('button', { name: 'Se connecter' }).click();
    const card = admin.locator('li.comment', { has: admin.getByRole('group', { name: 'Modérer le commentaire de Noémie Vasseur' }) });
    await card.getByRole('button', { name: 'Répondre' }).click();
    await card.getByRole('button', { name: 'Modifier' }).click();
    await card.getByRole('checkbox', { name: 'Sélectionner le commentaire de Noémie Vasseur' }).check();
    expect(await admin.getByText('1 commentaire sélectionné').isVisible()).toBe(true);
    expect(await card.getByLabel('Texte du commentaire').inputValue()).toBe('Une question sur le calendrier.');
    await admin.getByLabel('Adresse e-mail du commentateur').fill('noemie.vasseur@example.org');
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Télécharger ses données (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe('commentaires-noemie.vasseur@example.org.json');
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as { email: string; comments: { text: string }[] };
    expect(exported).toMatchObject({ email: 'noemie.vasseur@example.org', comments: [{ text: 'Une question sur le calendrier.' }] });
    await poll(() => admin.getByRole('status').filter({ hasText: 'Export téléchargé (1 commentaire).' }).isVisible()).toBe(true);
    await admin.getByRole('button', { name: 'Effacer ses données…' }).click();
    expect(await admin.getByRole('dialog', { name: 'Effacer les données de ce commentateur ?' }).isVisible()).toBe(true);
    await admin.addScriptTag({ path: AXE_PATH });
    const violations = await admin.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    });
    expect(violations).toEqual([]);
    // Nothing was erased: the dialog only asked.
    await admin.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
    expect((await site.app.services.moderation.exportByEmail('noemie.vasseur@example.org')).comments.map((c) => c.text)).toEqual(['Une question sur le calendrier.']);
  });

  it('an author sees, instead of the screen they may not open, the count of comments waiting on their own articles', async () => {
    const categoryId = (await site.app.services.ctx.repos.articles.findBySlug('plan-de-paix-rencontre-diplomatique-a-moscou'))!.primary_category_id;
    const authorId = await site.app.services.users.createUser({ email: 'lise.perrin@example.org', name: 'Lise Perrin', role: 'author', password: EDITOR_PASSWORD });
    const articleId = await site.app.services.articles.createArticle({ title: 'La halle aux grains rouvre ses portes', body: sampleBody(), categoryId, authorIds: [authorId], status: 'published', publishedAt: clock.now() - 60_000, userId: authorId });
    for (const name of ['Paul Girard', 'Zoé Marchand']) {
      await site.app.services.comments.recordComment({ articleId, status: 'pending', authorName: name, authorEmail: 'lecteur@example.org', body: 'Bonne nouvelle pour le quartier.', createdAt: clock.now() });
    }
    const page = await open();
    await page.goto('/admin/');
    await page.getByLabel('Adresse e-mail').fill('lise.perrin@example.org');
    await page.getByLabel('Mot de passe').fill(EDITOR_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const nav = page.getByRole('navigation', { name: 'Administration' });
    await poll(() => nav.locator('.nav-count').innerText()).toMatch(/^Commentaires 2\b/);
    expect(await nav.getByRole('link', { name: /Commentaires/ }).count()).toBe(0);
  });
});
