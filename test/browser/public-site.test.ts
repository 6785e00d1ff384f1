/**
 * The public news site in a real browser (headless Chromium): a reader reaches the reference
 * article by clicking, sees every part of the article page, follows tag and author links,
 * meets a French 404, reads without JavaScript, and the page loads without errors.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLES_A } from '../../src/services/demo/articles-a.js';
import { startDemoApp } from '../support/app.js';
import { BROWSER_AVAILABLE, BROWSER_SKIP_REASON, launchBrowser } from '../support/browser.js';

const REFERENCE = DEMO_ARTICLES_A[0];
if (REFERENCE === undefined || REFERENCE.figure === undefined) throw new Error('the reference demo article (with its figure) is missing');
const FIGURE = REFERENCE.figure;

/** The reference article as the tests expect it on screen. */
const ARTICLE = {
  path: '/actualite/plan-de-paix-rencontre-diplomatique-a-moscou',
  title: 'Plan de paix pour l’Ukraine : une rencontre diplomatique de quatre heures à Moscou',
  dek: REFERENCE.dek,
  category: { name: 'Actualité', path: '/actualite/' },
  author: { name: 'Charles Morel', path: '/auteur/charles-morel' },
  published: { iso: '2025-12-01T14:05:00+01:00', text: 'lundi 1er décembre 2025 à 14 h 05' },
  updated: { iso: '2025-12-01T18:30:00+01:00', text: 'lundi 1er décembre 2025 à 18 h 30' },
  subheadings: ['Ce que contient le projet', 'Kiev et les Européens attentifs'],
  tags: [
    { name: 'Ukraine', path: '/tag/ukraine' },
    { name: 'Russie', path: '/tag/russie' },
  ],
} as const;

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const MOBILE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Visible text with no-break spaces (French typography's, normal and narrow) and runs of white space folded to single spaces. */
function normalise(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

async function textOf(locator: Locator): Promise<string> {
  return normalise(await locator.innerText());
}

/**
 * Asserts that exactly one element matches and that a reader can see it: rendered, not
 * `visibility: hidden`, larger than the 1px of a visually-hidden element, and inside the
 * viewport's width (nothing pushed off the side of a phone screen).
 */
async function expectVisible(locator: Locator, what: string): Promise<void> {
  // Role and label queries leave out hidden elements, so a hidden part fails here already.
  expect(await locator.count(), `${what}: exactly one element found`).toBe(1);
  expect(await locator.isVisible(), `${what} is visible`).toBe(true);
  const box = await locator.boundingBox();
  expect(box, `${what} has a box`).not.toBeNull();
  if (box === null) return;
  expect(box.width, `${what} width`).toBeGreaterThan(1);
  expect(box.height, `${what} height`).toBeGreaterThan(1);
  const viewportWidth = locator.page().viewportSize()?.width ?? Number.POSITIVE_INFINITY;
  expect(box.x, `${what} left edge`).toBeGreaterThanOrEqual(-1);
  expect(box.x + box.width, `${what} right edge`).toBeLessThanOrEqual(viewportWidth + 1);
}

/**
 * Whether the page fits the width of the screen. On a phone the browser zooms out to show
 * too-wide content (so `innerWidth` grows with it); the layout width `clientWidth` does not.
 */
async function fitsScreenWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

/** Path (and query) of a page URL. */
function pathOf(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}

const suite = BROWSER_AVAILABLE ? describe : describe.skip;
if (!BROWSER_AVAILABLE) process.stdout.write(`\n⚠ ${BROWSER_SKIP_REASON}\n\n`);
const suiteTitle = BROWSER_AVAILABLE ? 'public site in a browser (Chromium)' : `public site in a browser — ${BROWSER_SKIP_REASON}`;

suite(suiteTitle, () => {
  let app: Awaited<ReturnType<typeof startDemoApp>> | undefined;
  let browser: Browser | undefined;
  let origin = '';
  /** Why the app or the browser did not start: every test then fails with it (a failed hook would only mark them skipped). */
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
      const address = started.value.server.server.address() as AddressInfo;
      origin = `http://127.0.0.1:${address.port}`;
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

  /** A fresh page in its own context (no shared cache or cookies between tests). */
  async function openPage(options: BrowserContextOptions = DESKTOP): Promise<Page> {
    if (startError !== undefined) throw startError;
    if (browser === undefined) throw new Error('the browser did not start');
    const context = await browser.newContext({ baseURL: origin, ...options });
    contexts.push(context);
    context.setDefaultTimeout(10_000);
    return context.newPage();
  }

  async function openArticle(options: BrowserContextOptions = DESKTOP): Promise<Page> {
    const page = await openPage(options);
    const response = await page.goto(ARTICLE.path);
    expect(response?.status()).toBe(200);
    return page;
  }

  /** The article's own header (related cards carry bylines and tags too). */
  const articleHead = (page: Page) => page.locator('article.article > header.article-head');

  it('home page: French, header and menu; a reader reaches the reference article by clicking (phone)', async () => {
    const page = await openPage(MOBILE);
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.title()).toBe('Dépêche');

    const header = page.locator('body > header.site-header');
    await expectVisible(header, 'site header');
    const siteName = header.getByRole('link', { name: 'Dépêche', exact: true });
    await expectVisible(siteName, 'site name');
    expect(await siteName.getAttribute('href')).toBe('/');

    const nav = header.getByRole('navigation', { name: 'Rubriques' });
    await expectVisible(nav, 'site nav');
    const home = nav.getByRole('link', { name: 'Accueil', exact: true });
    const actualite = nav.getByRole('link', { name: ARTICLE.category.name, exact: true });
    await expectVisible(home, 'nav link Accueil');
    await expectVisible(actualite, 'nav link Actualité');
    expect(await home.getAttribute('aria-current')).toBe('page');

    // A phone must not scroll sideways.
    expect(await fitsScreenWidth(page), 'no sideways scrolling').toBe(true);

    await actualite.click();
    await page.waitForURL((url) => url.pathname === ARTICLE.category.path);
    expect(await textOf(page.locator('main h1'))).toBe(ARTICLE.category.name);
    expect(await page.getByRole('navigation', { name: 'Rubriques' }).getByRole('link', { name: ARTICLE.category.name, exact: true }).getAttribute('aria-current')).toBe('page');

    const headline = page.locator('main').getByRole('heading', { name: ARTICLE.title, exact: true }).getByRole('link');
    await expectVisible(headline, 'reference headline in the category listing');
    await headline.click();
    await page.waitForURL((url) => url.pathname === ARTICLE.path);
    expect(await textOf(page.locator('main h1'))).toBe(ARTICLE.title);
    expect(await fitsScreenWidth(page), 'no sideways scrolling').toBe(true);
  });

  it.each([
    ['desktop', DESKTOP],
    ['phone', MOBILE],
  ] as const)('article page: every part is there and visible (%s)', async (_screen, screen) => {
    const page = await openArticle(screen);
    expect(await fitsScreenWidth(page), 'no sideways scrolling').toBe(true);
    const head = articleHead(page);

    // Site navigation, with the article's section marked current.
    const nav = page.getByRole('navigation', { name: 'Rubriques' });
    await expectVisible(nav, 'site nav');
    expect(await nav.getByRole('link', { name: ARTICLE.category.name, exact: true }).getAttribute('aria-current')).toBe('page');

    // Breadcrumb: Accueil › Actualité › headline (the separators come from the stylesheet).
    const breadcrumb = page.getByRole('navigation', { name: 'Fil d’Ariane' });
    await expectVisible(breadcrumb, 'breadcrumb');
    const crumbs = breadcrumb.locator('li');
    expect(await crumbs.count()).toBe(3);
    const trail = await crumbs.evaluateAll((items) =>
      items
        .map((li, i) => {
          const separator = i === 0 ? '' : getComputedStyle(li, '::before').content.replace(/^"(.*)"$/, '$1');
          return `${separator} ${(li as HTMLElement).innerText}`;
        })
        .join(' '),
    );
    expect(normalise(trail)).toBe(`Accueil › ${ARTICLE.category.name} › ${ARTICLE.title}`);
    expect(await breadcrumb.getByRole('link', { name: 'Accueil', exact: true }).getAttribute('href')).toBe('/');
    expect(await breadcrumb.getByRole('link', { name: ARTICLE.category.name, exact: true }).getAttribute('href')).toBe(ARTICLE.category.path);
    expect(await textOf(breadcrumb.locator('[aria-current="page"]'))).toBe(ARTICLE.title);

    // Headline and document title.
    const h1 = page.locator('h1');
    await expectVisible(h1, 'h1');
    expect(await textOf(h1)).toBe(ARTICLE.title);
    // French typography: a narrow no-break space before the colon, in the headline and the title.
    expect(await h1.textContent()).toContain('Ukraine\u202f: une');
    expect(normalise(await page.title())).toContain(ARTICLE.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    // Dek.
    const dek = head.locator('.dek');
    await expectVisible(dek, 'dek');
    expect(await textOf(dek)).toBe(ARTICLE.dek);

    // Byline.
    const byline = head.locator('.byline');
    await expectVisible(byline, 'byline');
    expect(await textOf(byline)).toBe(`Par ${ARTICLE.author.name}`);
    const authorLink = byline.getByRole('link', { name: ARTICLE.author.name, exact: true });
    await expectVisible(authorLink, 'author link');
    expect(await authorLink.getAttribute('href')).toBe(ARTICLE.author.path);

    // Publication date, French style: "1<sup>er</sup>", no-break spaces around "h".
    const published = head.locator('.published');
    await expectVisible(published, 'publication date');
    const publishedTime = published.locator('time');
    expect(await publishedTime.getAttribute('datetime')).toBe(ARTICLE.published.iso);
    expect(await textOf(publishedTime)).toBe(ARTICLE.published.text);
    expect(await textOf(published)).toBe(`Publié le ${ARTICLE.published.text}`);
    expect(await publishedTime.locator('sup').textContent()).toBe('er');
    expect(await publishedTime.textContent()).toContain('14\u00a0h\u00a005');

    // Update date, with its own <time>.
    const updated = head.locator('.updated');
    await expectVisible(updated, 'update date');
    const updatedTime = updated.locator('time');
    expect(await updatedTime.getAttribute('datetime')).toBe(ARTICLE.updated.iso);
    expect(await textOf(updated)).toBe(`Mis à jour le ${ARTICLE.updated.text}`);

    // Tags.
    const tags = head.getByRole('list', { name: 'Mots-clés' });
    await expectVisible(tags, 'tag list');
    expect(await tags.getByRole('link').count()).toBe(ARTICLE.tags.length);
    for (const tag of ARTICLE.tags) {
      const link = tags.getByRole('link', { name: tag.name, exact: true });
      await expectVisible(link, `tag ${tag.name}`);
      expect(await link.getAttribute('href')).toBe(tag.path);
    }

    // Figure: a loaded image with alt text, caption and credit.
    const figure = page.locator('article.article figure.article-figure');
    await expectVisible(figure, 'figure');
    const img = figure.locator('img');
    await expectVisible(img, 'figure image');
    expect(await img.getAttribute('alt')).toBe(FIGURE.alt);
    expect(FIGURE.alt.trim()).not.toBe('');
    const loaded = await img.evaluate((el: HTMLImageElement) => ({ complete: el.complete, naturalWidth: el.naturalWidth, src: el.currentSrc }));
    expect(loaded.complete).toBe(true);
    expect(loaded.naturalWidth).toBeGreaterThan(0);
    expect(new URL(loaded.src).origin).toBe(origin);
    const caption = figure.locator('figcaption');
    await expectVisible(caption, 'figcaption');
    expect(await textOf(caption)).toContain(normalise(FIGURE.caption));
    // The credit is set in small capitals by the stylesheet: compare its text, not its rendering.
    const credit = caption.locator('.credit');
    await expectVisible(credit, 'photo credit');
    expect(normalise((await credit.textContent()) ?? '')).toBe(FIGURE.credit);

    // Body: text and exactly two subheadings.
    const body = page.locator('article.article .article-body');
    await expectVisible(body, 'article body');
    expect(await textOf(body)).toContain('plan de paix en plusieurs étapes');
    const subheadings = body.locator('h2');
    expect(await subheadings.count()).toBe(2);
    expect((await subheadings.allInnerTexts()).map(normalise)).toEqual([...ARTICLE.subheadings]);
    for (let i = 0; i < 2; i++) await expectVisible(subheadings.nth(i), `subheading ${i + 1}`);

    // "Vous aimerez aussi": related articles, never the article itself.
    const relatedHeading = page.getByRole('heading', { name: 'Vous aimerez aussi', exact: true });
    await expectVisible(relatedHeading, 'related heading');
    const relatedLinks = page.locator('aside.related .card-title a');
    const relatedHrefs = await relatedLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(relatedHrefs.length).toBeGreaterThanOrEqual(1);
    for (const href of relatedHrefs) {
      expect(href).toMatch(/^\/[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(href).not.toBe(ARTICLE.path);
    }
    await expectVisible(relatedLinks.first(), 'first related link');
    const relatedResponse = await page.request.get(relatedHrefs[0] ?? '/');
    expect(relatedResponse.status()).toBe(200);

    // Threaded comments: 2 threads, 4 comments, a reply at depth 3.
    const comments = page.locator('section#commentaires');
    const commentsHeading = comments.getByRole('heading', { level: 2 });
    await expectVisible(commentsHeading, 'comments heading');
    expect(await textOf(commentsHeading)).toBe('Commentaires (4 commentaires)');
    expect(await comments.locator('ol.comment-list > li.comment').count()).toBe(2);
    expect(await comments.locator('li.comment').count()).toBe(4);
    const depth2 = comments.locator('ol.comment-list > li.comment > ol.comment-replies > li.comment');
    expect(await depth2.count()).toBe(1);
    await expectVisible(depth2.locator(':scope > article .comment-author'), 'reply author');
    expect(await textOf(depth2.locator(':scope > article .comment-author'))).toBe('Marc Delaunay');
    const depth3 = depth2.locator(':scope > ol.comment-replies > li.comment');
    expect(await depth3.count()).toBe(1);
    await expectVisible(depth3.locator(':scope > article'), 'depth-3 reply');
    expect(await textOf(depth3.locator('.comment-body'))).toContain('une délégation ukrainienne doit être reçue');
    const depth3Box = await depth3.boundingBox();
    const topBox = await comments.locator('ol.comment-list > li.comment').first().boundingBox();
    expect(depth3Box && topBox && depth3Box.x > topBox.x, 'replies are indented').toBe(true);

    // Comment form with labelled fields.
    const formHeading = comments.getByRole('heading', { name: 'Laisser un commentaire', exact: true });
    await expectVisible(formHeading, 'comment form heading');
    const form = comments.locator('form.comment-form');
    expect(await form.getAttribute('method')).toBe('post');
    expect(await form.getAttribute('action')).toBe(`${ARTICLE.path}/commentaires#laisser-un-commentaire`);
    const fields: Array<[string, boolean, string, string]> = [
      ['Commentaire', true, 'textarea', 'body'],
      ['Nom', true, 'input', 'name'],
      ['E-mail', true, 'input', 'email'],
      ['Site web', false, 'input', 'url'],
    ];
    for (const [label, exact, tagName, name] of fields) {
      const field = page.getByLabel(label, { exact });
      await expectVisible(field, `field ${label}`);
      expect(await field.isEditable(), `${label} is editable`).toBe(true);
      expect(await field.evaluate((el) => el.tagName.toLowerCase())).toBe(tagName);
      expect(await field.getAttribute('name')).toBe(name);
    }
    await expectVisible(form.getByRole('button', { name: 'Publier le commentaire' }), 'submit button');
  });

  it('tag and author links lead to listings that contain the article', async () => {
    const page = await openArticle();
    const ukraine = articleHead(page).getByRole('list', { name: 'Mots-clés' }).getByRole('link', { name: 'Ukraine', exact: true });
    await ukraine.click();
    await page.waitForURL((url) => url.pathname === '/tag/ukraine');
    expect(pathOf(page.url())).toBe('/tag/ukraine');
    expect(await textOf(page.locator('main h1'))).toBe('Ukraine');
    const inTagList = page.locator('main .listing').getByRole('link', { name: ARTICLE.title, exact: true });
    await expectVisible(inTagList, 'reference article in the tag listing');
    expect(await inTagList.getAttribute('href')).toBe(ARTICLE.path);

    await page.goBack();
    await page.waitForURL((url) => url.pathname === ARTICLE.path);
    const author = articleHead(page).locator('.byline').getByRole('link', { name: ARTICLE.author.name, exact: true });
    await author.click();
    await page.waitForURL((url) => url.pathname === ARTICLE.author.path);
    expect(pathOf(page.url())).toBe(ARTICLE.author.path);
    expect(await textOf(page.locator('main h1'))).toBe(ARTICLE.author.name);
    const inAuthorList = page.locator('main .listing').getByRole('link', { name: ARTICLE.title, exact: true });
    await expectVisible(inAuthorList, 'reference article in the author listing');
    expect(await inAuthorList.getAttribute('href')).toBe(ARTICLE.path);
  });

  it('an unknown address gets a French 404 page with a way home', async () => {
    const page = await openPage();
    const response = await page.goto('/cette-page-nexiste-pas/vraiment');
    expect(response?.status()).toBe(404);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Page introuvable', exact: true }), '404 heading');
    expect(await page.title()).toContain('Page introuvable');
    await expectVisible(page.getByRole('navigation', { name: 'Rubriques' }), 'site nav on the 404 page');
    const home = page.locator('main').getByRole('link', { name: 'Revenir à l’accueil' });
    await expectVisible(home, 'link back home');
    expect(await home.getAttribute('href')).toBe('/');
    await home.click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.title()).toBe('Dépêche');
  });

  it('the article reads and the comment form shows without JavaScript', async () => {
    const page = await openArticle({ ...DESKTOP, javaScriptEnabled: false });
    const h1 = page.locator('h1');
    await expectVisible(h1, 'h1 without JavaScript');
    expect(await textOf(h1)).toBe(ARTICLE.title);
    const body = page.locator('article.article .article-body');
    await expectVisible(body, 'body without JavaScript');
    expect(await body.locator('h2').count()).toBe(2);
    await expectVisible(page.getByRole('heading', { name: 'Laisser un commentaire', exact: true }), 'form heading without JavaScript');
    await expectVisible(page.getByLabel('Commentaire', { exact: true }), 'comment field without JavaScript');
    await expectVisible(page.getByLabel('Nom', { exact: true }), 'name field without JavaScript');
    await expectVisible(page.getByRole('button', { name: 'Publier le commentaire' }), 'submit button without JavaScript');
  });

  it('the article page loads with no console error, no failed request, everything from the site itself', async () => {
    const page = await openPage();
    const problems: string[] = [];
    const requested: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const at = message.location().url;
      problems.push(`console: ${message.text()}${at ? ` (${at})` : ''}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`));
    page.on('request', (request) => requested.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });

    const response = await page.goto(ARTICLE.path);
    expect(response?.status()).toBe(200);
    // Bring every lazy image into view, then wait for them all to settle.
    const images = page.locator('img');
    const imageCount = await images.count();
    expect(imageCount).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < imageCount; i++) await images.nth(i).scrollIntoViewIfNeeded();
    await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
    await page.waitForLoadState('networkidle');

    const broken = await page.evaluate(() => Array.from(document.images).filter((img) => img.naturalWidth === 0).map((img) => img.currentSrc || img.src));
    expect(broken).toEqual([]);
    const sources = await page.evaluate(() => Array.from(document.images).map((img) => img.currentSrc));
    for (const src of sources) expect(new URL(src).origin, src).toBe(origin);

    // The stylesheet arrived and applies.
    const stylesheets = await page.evaluate(() => Array.from(document.styleSheets).map((s) => ({ href: s.href ?? '', rules: s.cssRules.length })));
    expect(stylesheets.length).toBeGreaterThanOrEqual(1);
    for (const sheet of stylesheets) {
      expect(new URL(sheet.href).origin).toBe(origin);
      expect(sheet.rules).toBeGreaterThan(0);
    }
    expect(stylesheets.some((s) => new URL(s.href).pathname === '/static/site.css')).toBe(true);

    // Every image file the markup offers answers, including the JPEG fallback and the
    // other widths and formats of each srcset that this browser did not pick.
    const offered = await page.evaluate(() => {
      const urls = new Set<string>();
      for (const el of Array.from(document.querySelectorAll('img, picture source'))) {
        const src = el.getAttribute('src');
        if (src) urls.add(new URL(src, document.baseURI).href);
        for (const candidate of (el.getAttribute('srcset') ?? '').split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) urls.add(new URL(url, document.baseURI).href);
        }
      }
      return [...urls];
    });
    expect(offered.length).toBeGreaterThanOrEqual(imageCount);
    const answers = await Promise.all(
      offered.map(async (url) => {
        const answer = await page.request.get(url);
        return { url, status: answer.status(), type: answer.headers()['content-type'] ?? '' };
      }),
    );
    const bad = answers.filter((a) => new URL(a.url).origin !== origin || a.status !== 200 || !a.type.startsWith('image/'));
    expect(bad.map((a) => `${a.status} ${a.type} ${a.url}`)).toEqual([]);

    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(requested.some((url) => new URL(url).pathname.startsWith('/media/'))).toBe(true);
    expect(problems).toEqual([]);
  });
});
