/**
 * The newsroom in a real browser (headless Chromium), against the real server and the built
 * admin app: a contributor writes an article (subheading, link, image with caption and credit
 * from the media library) and submits it for review; an editor publishes it; readers then see
 * it on the home page with its picture and on its page with its figure. An anonymous visitor
 * reaches neither the admin screens nor the Admin API.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { startDemoApp } from '../support/app.js';
import { BROWSER_AVAILABLE, BROWSER_SKIP_REASON, launchBrowser } from '../support/browser.js';

const ADMIN_INDEX = join(PROJECT_ROOT, 'admin', 'dist', 'index.html');

const CONTRIBUTOR = { email: 'lea.contributrice@example.org', name: 'Léa Contributrice', password: 'plume-et-encrier-42', role: 'contributor' } as const;
const EDITOR = { email: 'marc.editeur@example.org', name: 'Marc Éditeur', password: 'relecture-du-soir-7', role: 'editor' } as const;

/** The article the contributor writes (original text). */
const STORY = {
  title: 'Les jardins partagés gagnent les toits de la ville',
  slug: 'les-jardins-partages-gagnent-les-toits-de-la-ville',
  dek: 'Trois immeubles du centre accueillent désormais des potagers cultivés par leurs habitants.',
  intro: 'Sur les toits plats du quartier de la gare, des bacs de terre ont remplacé le gravier.',
  subheading: 'Un calendrier de récoltes partagé',
  linkText: 'charte des jardiniers',
  linkHref: 'https://exemple.fr/charte-des-jardiniers',
  afterLink: 'Chaque foyer signe la ',
  alt: 'Des bacs de tomates et de salades sur un toit, au soleil',
  caption: 'Le potager du toit de la rue des Tanneurs, en juin.',
  credit: 'Photo Amandine Roux',
  tag: 'Jardinage urbain',
} as const;

/** Waits for the page to reach a state (autosave comes two seconds after typing); a ceiling, not a speed check. */
function poll<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

const suite = BROWSER_AVAILABLE ? describe : describe.skip;
if (!BROWSER_AVAILABLE) process.stdout.write(`\n⚠ ${BROWSER_SKIP_REASON}\n\n`);
const suiteTitle = BROWSER_AVAILABLE ? 'newsroom story in a browser (Chromium)' : `newsroom story in a browser — ${BROWSER_SKIP_REASON}`;

/** A small original picture: green squares on a sky gradient, as PNG bytes. */
async function gardenPicture(): Promise<Buffer> {
  const width = 960;
  const height = 640;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const inBed = y > 380 && (x % 160) < 120;
      pixels[i] = inBed ? 40 + ((x * 7) % 60) : 120 + Math.round((y / height) * 80);
      pixels[i + 1] = inBed ? 140 + ((y * 3) % 80) : 170 + Math.round((y / height) * 60);
      pixels[i + 2] = inBed ? 50 : 230;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

suite(suiteTitle, () => {
  let app: Awaited<ReturnType<typeof startDemoApp>> | undefined;
  let browser: Browser | undefined;
  let origin = '';
  let startError: unknown;
  const contexts: BrowserContext[] = [];
  /** Browser errors (console errors, CSP violations, uncaught exceptions) per page. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startDemoApp(), launchBrowser()]);
    if (started.status === 'fulfilled') app = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    try {
      if (!existsSync(ADMIN_INDEX)) throw new Error(`the admin app is not built (${ADMIN_INDEX} is missing): run npm run build`);
      if (started.status === 'rejected') throw started.reason;
      if (launched.status === 'rejected') throw launched.reason;
      for (const user of [CONTRIBUTOR, EDITOR]) await started.value.services.users.createUser(user);
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

  async function openPage(): Promise<Page> {
    if (startError !== undefined) throw startError;
    if (browser === undefined) throw new Error('the browser did not start');
    const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('console', (message) => {
      // The app asks the server whether a session exists; "no" is a 401 the browser logs. Expected.
      if (message.type() === 'error' && !/status of 401/.test(message.text())) pageErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    return page;
  }

  async function logIn(page: Page, user: { email: string; password: string; name: string }): Promise<void> {
    await page.goto('/admin/');
    await page.getByLabel('Adresse e-mail').fill(user.email);
    await page.getByLabel('Mot de passe').fill(user.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await poll(() => page.getByRole('heading', { level: 1, name: 'Articles' }).isVisible()).toBe(true);
    expect(await page.getByText(user.name).first().isVisible()).toBe(true);
  }

  it('an anonymous visitor meets the login screen and the Admin API refuses them', async () => {
    const page = await openPage();
    for (const path of ['/admin/', '/admin/articles/nouveau', '/admin/utilisateurs']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await poll(() => page.getByRole('heading', { level: 1, name: 'Connexion à l’administration' }).isVisible()).toBe(true);
      expect(await page.getByRole('navigation', { name: 'Administration' }).count(), `${path}: no admin navigation`).toBe(0);
    }
    for (const path of ['/api/admin/articles', '/api/admin/users', '/api/admin/session', '/api/admin/media']) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(401);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('DEPECHE_UNAUTHENTICATED');
    }
    // Writes are refused before anything else is looked at, whether the body is valid or not.
    const valid = { title: 'Intrus', body: { type: 'doc', content: [] }, categoryId: 1, authorIds: [1], tags: [] };
    for (const data of [valid, { title: 'Intrus' }]) {
      const write = await page.request.post('/api/admin/articles', { data });
      expect(write.status()).toBe(401);
    }
    const media = await page.request.post('/api/admin/media', { multipart: { alt: 'x', file: { name: 'x.png', mimeType: 'image/png', buffer: Buffer.from('x') } } });
    expect(media.status()).toBe(401);
    expect(pageErrors).toEqual([]);
  });

  it('a contributor writes and submits an article; an editor publishes it; readers see it with its figure', async () => {
    const picture = await gardenPicture();

    // The contributor writes.
    const writer = await openPage();
    await logIn(writer, CONTRIBUTOR);
    await writer.getByRole('link', { name: 'Nouvel article' }).click();
    await poll(() => writer.getByRole('heading', { level: 1, name: 'Nouvel article' }).isVisible()).toBe(true);
    await writer.getByLabel('Titre', { exact: true }).fill(STORY.title);
    expect(await writer.getByLabel('Identifiant d’URL').inputValue(), 'slug follows the title').toBe(STORY.slug);
    await writer.getByLabel('Chapô').fill(STORY.dek);
    await writer.getByLabel('Rubrique').selectOption({ label: 'Actualité' });

    const body = writer.getByRole('textbox', { name: 'Texte de l’article' });
    await body.click();
    await writer.keyboard.type(STORY.intro);
    await writer.keyboard.press('Enter');
    await writer.getByLabel('Type de bloc').selectOption({ label: 'Intertitre' });
    await writer.keyboard.type(STORY.subheading);
    await writer.keyboard.press('Enter');
    await writer.keyboard.type(`${STORY.afterLink}${STORY.linkText}`);
    for (let i = 0; i < STORY.linkText.length; i++) await writer.keyboard.press('Shift+ArrowLeft');
    await writer.getByRole('button', { name: 'Lien', exact: true }).click();
    await writer.getByLabel('Adresse du lien').fill(STORY.linkHref);
    await writer.getByRole('button', { name: 'Ajouter le lien' }).click();
    await writer.keyboard.press('End');
    await writer.keyboard.type('.');
    await writer.keyboard.press('Enter');

    // An image from the media library, sent from the picker with its texts.
    await writer.getByRole('button', { name: 'Image…' }).click();
    const picker = writer.getByRole('dialog', { name: 'Insérer une image' });
    await picker.getByText('Envoyer une nouvelle image').click();
    await picker.getByLabel('Fichier image').setInputFiles({ name: 'potager.png', mimeType: 'image/png', buffer: picture });
    await picker.getByLabel('Texte alternatif').fill(STORY.alt);
    await picker.getByLabel('Légende').fill(STORY.caption);
    await picker.getByLabel('Crédit').fill(STORY.credit);
    await picker.getByRole('button', { name: 'Envoyer et choisir cette image' }).click();
    await poll(() => picker.isVisible()).toBe(false);
    const figure = writer.locator('.body-editor figure.editor-figure');
    expect(await figure.count()).toBe(1);
    expect(await figure.getByLabel('Légende').inputValue()).toBe(STORY.caption);
    expect(await figure.getByLabel('Crédit').inputValue()).toBe(STORY.credit);
    expect(await figure.getByLabel('Texte alternatif de l’image').inputValue()).toBe(STORY.alt);

    // The same image as featured image, picked from the library.
    await writer.getByRole('button', { name: 'Choisir l’image à la une…' }).click();
    const featuredPicker = writer.getByRole('dialog', { name: 'Choisir l’image à la une' });
    await featuredPicker.getByRole('button', { name: `Choisir l’image « ${STORY.alt} »` }).click();
    await poll(() => featuredPicker.isVisible()).toBe(false);

    // A new tag, created while typing.
    const tagInput = writer.getByRole('combobox', { name: 'Ajouter un mot-clé' });
    await tagInput.fill(STORY.tag);
    await poll(() => writer.getByRole('option', { name: `Créer « ${STORY.tag} »` }).isVisible()).toBe(true);
    await tagInput.press('Enter');
    expect(await writer.getByRole('list', { name: 'Mots-clés choisis' }).innerText()).toContain(STORY.tag);

    // A contributor submits; publishing is not offered.
    expect(await writer.getByRole('button', { name: 'Publier', exact: true }).count()).toBe(0);
    await writer.getByRole('button', { name: 'Soumettre pour relecture' }).click();
    await poll(() => writer.getByText('Article soumis pour relecture.').isVisible()).toBe(true);
    expect(await writer.locator('.panel .status').first().innerText()).toBe('En relecture');
    expect(new URL(writer.url()).pathname).toMatch(/^\/admin\/articles\/\d+$/);
    expect(await writer.getByText('Modifications non enregistrées').count()).toBe(0);

    // The editor publishes.
    const editor = await openPage();
    await logIn(editor, EDITOR);
    await editor.getByLabel('Statut').selectOption({ label: 'En relecture' });
    const row = editor.getByRole('row').filter({ hasText: STORY.title });
    await poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain(CONTRIBUTOR.name);
    await row.getByRole('link', { name: STORY.title }).click();
    await poll(() => editor.getByRole('heading', { level: 1, name: 'Modifier l’article' }).isVisible()).toBe(true);
    expect(await editor.getByLabel('Titre', { exact: true }).inputValue()).toBe(STORY.title);
    await editor.getByRole('button', { name: 'Publier', exact: true }).click();
    await poll(() => editor.getByText('Article publié.').isVisible()).toBe(true);
    expect(await editor.locator('.panel .status').first().innerText()).toBe('Publié');

    // Readers: the home page leads with it, picture included.
    const reader = await openPage();
    await reader.goto('/');
    const card = reader.locator('article.card').filter({ has: reader.getByRole('link', { name: STORY.title }) }).first();
    expect(await card.isVisible()).toBe(true);
    const cardImage = card.locator('img');
    expect(await cardImage.getAttribute('alt')).toBe(STORY.alt);
    await poll(() => cardImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    // …and its page shows the subheading, the link and the figure with caption and credit.
    await card.getByRole('link', { name: STORY.title }).click();
    await reader.waitForURL((url) => url.pathname === `/actualite/${STORY.slug}`);
    expect(await reader.locator('h1').innerText()).toBe(STORY.title);
    const articleBody = reader.locator('article.article .article-body');
    expect(await articleBody.getByRole('heading', { level: 2, name: STORY.subheading }).count()).toBe(1);
    const link = articleBody.getByRole('link', { name: STORY.linkText });
    expect(await link.getAttribute('href')).toBe(STORY.linkHref);
    const bodyFigure = articleBody.locator('figure');
    expect(await bodyFigure.count()).toBe(1);
    expect(await bodyFigure.locator('img').getAttribute('alt')).toBe(STORY.alt);
    await poll(() => bodyFigure.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const caption = (await bodyFigure.locator('figcaption').innerText()).replace(/\s+/g, ' ');
    expect(caption).toContain(STORY.caption);
    // The stylesheet sets credits in small capitals: compare the text, not its rendering.
    expect(await bodyFigure.locator('figcaption .credit').textContent()).toBe(STORY.credit);
    expect(await reader.getByRole('list', { name: 'Mots-clés' }).getByRole('link', { name: STORY.tag }).count()).toBe(1);

    expect(pageErrors).toEqual([]);
  });
  it('the editor guards the work: autosave, warning before leaving, alt text before publishing, revisions diff and restore', async () => {
    const page = await openPage();
    await logIn(page, EDITOR);
    await page.getByRole('link', { name: 'Nouvel article' }).click();
    await page.getByLabel('Titre', { exact: true }).fill('Le marché couvert rouvre ses portes après travaux');
    await page.getByLabel('Rubrique').selectOption({ label: 'Actualité' });
    await page.getByRole('textbox', { name: 'Texte de l’article' }).click();
    await page.keyboard.type('Les étals de primeurs ont retrouvé leur place sous la charpente restaurée.');

    // Autosave: a draft saves itself and gets its address.
    await poll(() => page.getByText(/^Enregistré à /).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/articles\/\d+$/);

    // Leaving with unsaved changes asks first; declining stays on the page.
    await page.getByLabel('Chapô').fill('Dix-huit mois de chantier pour une halle de 1902.');
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Articles', exact: true }).click();
    expect(questions).toEqual(['Des modifications ne sont pas enregistrées. Quitter cette page et les perdre ?']);
    expect(await page.getByRole('heading', { level: 1, name: 'Modifier l’article' }).isVisible()).toBe(true);
    await poll(() => page.getByText(/^Enregistré à /).isVisible()).toBe(true);

    // An image without alternative text blocks publication with a clear message.
    await page.getByRole('textbox', { name: 'Texte de l’article' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Image…' }).click();
    const picker = page.getByRole('dialog', { name: 'Insérer une image' });
    await picker.getByText('Envoyer une nouvelle image').click();
    const picture = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 150, g: 90, b: 40 } } }).jpeg().toBuffer();
    await picker.getByLabel('Fichier image').setInputFiles({ name: 'halle.jpg', mimeType: 'image/jpeg', buffer: picture });
    await picker.getByRole('button', { name: 'Envoyer et choisir cette image' }).click();
    await poll(() => picker.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    const alert = page.getByRole('alert');
    await poll(() => alert.first().innerText()).toContain('ajoutez un texte alternatif à l’image n° 1 du texte');
    const altInput = page.getByLabel('Texte alternatif de l’image');
    expect(await altInput.evaluate((el) => el === document.activeElement), 'focus goes to the missing text').toBe(true);
    // The server says the same when asked directly.
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    await poll(() => page.getByText(/^Enregistré à /).isVisible()).toBe(true);
    const csrf = await page.evaluate(async () => ((await (await fetch('/api/admin/session')).json()) as { csrfToken: string }).csrfToken);
    const refused = await page.request.post(`/api/admin/articles/${id}/transition`, { data: { to: 'published' }, headers: { 'x-csrf-token': csrf } });
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('DEPECHE_ALT_TEXT_MISSING');
    await altInput.fill('La halle métallique du marché, vue de l’intérieur');
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await poll(() => page.getByText('Article publié.').isVisible()).toBe(true);

    // A published article is not autosaved: "Mettre à jour" puts the change online.
    await page.getByLabel('Titre', { exact: true }).fill('Le marché couvert rouvre après dix-huit mois de travaux');
    expect(await page.getByText('Vos modifications ne seront visibles sur le site qu’après « Mettre à jour ».').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Mettre à jour' }).click();
    await poll(() => page.getByText(/^Enregistré à /).isVisible()).toBe(true);

    // History: the title change shows in the diff, and an older version can be restored.
    await page.getByRole('link', { name: 'Historique des versions' }).click();
    await page.getByRole('button', { name: 'Comparer les versions choisies' }).click();
    const changes = page.getByRole('table', { name: 'Champs modifiés' });
    await poll(() => changes.isVisible()).toBe(true);
    const titleRow = changes.getByRole('row').filter({ hasText: 'Titre' });
    expect(await titleRow.locator('del').innerText()).toBe('Le marché couvert rouvre ses portes après travaux');
    expect(await titleRow.locator('ins').innerText()).toBe('Le marché couvert rouvre après dix-huit mois de travaux');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('row').nth(2).getByRole('button', { name: /^Restaurer/ }).click();
    await poll(() => page.getByRole('heading', { level: 1, name: 'Modifier l’article' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Titre', { exact: true }).inputValue()).toBe('Le marché couvert rouvre ses portes après travaux');
    expect(pageErrors).toEqual([]);
  });
});
