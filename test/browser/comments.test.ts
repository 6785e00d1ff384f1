/**
 * Reader comments in a real browser. With JavaScript off a reader posts a comment and sees it
 * "en attente de modération" (nobody else does); it is approved; then everybody sees it with
 * its reply thread: a reply from the newsroom and one from another reader, posted with
 * JavaScript on without reloading the page. The approval and the newsroom's reply go through
 * the admin app: an editor logs in, sees the pending-comments badge, approves and replies.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { BROWSER_AVAILABLE, BROWSER_SKIP_REASON } from '../support/browser.js';
import { useDemoSiteInBrowser } from '../support/browser-site.js';

const ARTICLE = '/actualite/plan-de-paix-rencontre-diplomatique-a-moscou';
const EDITOR_PASSWORD = 'une-phrase-de-passe-solide';

function poll<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}
const suite = BROWSER_AVAILABLE ? describe : describe.skip;

suite(BROWSER_AVAILABLE ? 'reader comments in a browser (Chromium)' : `reader comments in a browser — ${BROWSER_SKIP_REASON}`, () => {
  // The clock is the app's: the time trap wants a few seconds between page and post, which the test moves on instead of waiting.
  const clock = fixedClock(Date.now());
  const site = useDemoSiteInBrowser({ clock });
  const open = site.open;

  /**
   * An editor (a new account) logs in at /admin/, sees the pending count in the navigation,
   * approves Yasmine's comment with the UI (the badge goes down by one), then replies to it
   * from the "Approuvés" tab. Returns the id of the reply. No CSP violation or script error.
   */
  async function approveAndReplyInAdmin(commentId: number, replyText: string): Promise<number> {
    await site.app.services.users.createUser({ email: 'agathe.roussel@example.org', name: 'Agathe Roussel', role: 'editor', password: EDITOR_PASSWORD });
    const pending = (await site.app.services.moderation.pendingCounts()).total;
    expect(pending).toBeGreaterThan(0);
    const admin = await open();
    const errors: string[] = [];
    admin.on('console', (message) => {
      // The app first asks whether a session exists; "no" is a 401 the browser logs. Expected.
      if (message.type() === 'error' && !/status of 401/.test(message.text())) errors.push(message.text());
    });
    admin.on('pageerror', (error) => errors.push(error.message));
    await admin.goto('/admin/');
    await admin.getByLabel('Adresse e-mail').fill('agathe.roussel@example.org');
    await admin.getByLabel('Mot de passe').fill(EDITOR_PASSWORD);
    await admin.getByRole('button', { name: 'Se connecter' }).click();
    await poll(() => admin.getByRole('heading', { level: 1, name: 'Articles' }).isVisible()).toBe(true);

    const nav = admin.getByRole('navigation', { name: 'Administration' });
    // The badge shows only while something waits: "Commentaires 2" (read "2 en attente de modération").
    const commentsLink = (n: number) => nav.getByRole('link', { name: n === 0 ? 'Commentaires' : `Commentaires ${n} en attente de modération`, exact: true });
    const badgeLink = commentsLink(pending);
    await poll(() => badgeLink.isVisible()).toBe(true);
    expect(await nav.locator('.nav-badge').innerText()).toBe(String(pending));
    await badgeLink.click();
    await poll(() => admin.getByRole('heading', { level: 1, name: 'Commentaires' }).isVisible()).toBe(true);

    const moderate = admin.getByRole('group', { name: 'Modérer le commentaire de Yasmine Ferrand' });
    await moderate.getByRole('button', { name: 'Approuver' }).click();
    await poll(() => admin.getByRole('status').filter({ hasText: '1 commentaire approuvé.' }).isVisible()).toBe(true);
    await poll(() => moderate.count()).toBe(0);
    await poll(() => commentsLink(pending - 1).isVisible()).toBe(true);
    expect(await nav.locator('.nav-badge').count()).toBe(pending - 1 === 0 ? 0 : 1);
    expect((await site.app.services.ctx.repos.comments.findById(commentId))?.status).toBe('approved');

    await admin.getByRole('button', { name: 'Approuvés' }).click();
    const card = admin.locator('li.comment', { has: admin.getByRole('group', { name: 'Modérer le commentaire de Yasmine Ferrand' }) });
    await card.getByRole('button', { name: 'Répondre' }).click();
    await card.getByLabel('Votre réponse à Yasmine Ferrand').fill(replyText);
    const [response] = await Promise.all([
      admin.waitForResponse((r) => r.url().endsWith(`/api/admin/comments/${commentId}/reply`) && r.request().method() === 'POST'),
      card.getByRole('button', { name: 'Publier la réponse' }).click(),
    ]);
    expect(response.status()).toBe(201);
    const reply = (await response.json()) as { id: number; authorName: string; byStaff: boolean };
    expect(reply).toMatchObject({ authorName: 'Agathe Roussel', byStaff: true });
    await poll(() => admin.getByRole('status').filter({ hasText: 'Réponse publiée.' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    return reply.id;
  }

  it('JavaScript off: post, see "en attente de modération"; approved, it shows to all with its reply thread', async () => {
    const reader = await open({ javaScriptEnabled: false });
    await reader.goto(ARTICLE);
    await reader.getByLabel('Commentaire', { exact: true }).fill('Une rencontre de quatre heures pour si peu de résultats…\n\nJ’attends la suite avec <curiosité> & prudence.');
    await reader.getByLabel('Nom', { exact: true }).fill('Yasmine Ferrand');
    await reader.getByLabel('E-mail', { exact: true }).fill('yasmine.ferrand@example.org');
    await reader.getByLabel('Site web (facultatif)').fill('https://yasmine.example.org');
    clock.set(clock.now() + 10_000);
    const [response] = await Promise.all([reader.waitForResponse((r) => r.url().includes('?commentaire=')), reader.getByRole('button', { name: 'Publier le commentaire' }).click()]);
    expect(response.headers()['cache-control']).toBe('private, no-store');
    const url = new URL(reader.url());
    expect(url.pathname).toBe(ARTICLE);
    const id = Number(url.searchParams.get('commentaire'));
    expect(url.hash).toBe(`#commentaire-${id}`);

    const mine = reader.locator(`li#commentaire-${id}`);
    expect(await mine.locator('.comment-pending').innerText()).toBe('Votre commentaire est en attente de modération.');
    expect(await mine.locator('.comment-body').innerText()).toBe('Une rencontre de quatre heures pour si peu de résultats…\n\nJ’attends la suite avec <curiosité> & prudence.');
    expect(await mine.locator('.comment-author a').getAttribute('rel')).toBe('nofollow ugc noopener');
    expect(await reader.locator('.form-notice').innerText()).toBe('Merci ! Votre commentaire est en attente de modération.');
    expect(await mine.isVisible()).toBe(true);
    // The reader still sees it on a later visit (their cookie), nobody else does.
    await reader.goto(ARTICLE);
    expect(await reader.locator(`li#commentaire-${id} .comment-pending`).count()).toBe(1);
    const stranger = await open({ javaScriptEnabled: false });
    await stranger.goto(ARTICLE);
    expect(await stranger.locator(`li#commentaire-${id}`).count()).toBe(0);
    expect(await stranger.getByText('en attente de modération').count()).toBe(0);

    // An editor approves it in the admin app, then replies from there.
    const staffReply = await approveAndReplyInAdmin(id, 'Merci pour votre lecture attentive ; nous suivrons la suite des discussions.');

    // Another reader answers with JavaScript on: the form moves under the comment and posts without reloading.
    const other = await open();
    await other.goto(ARTICLE);
    await other.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await other.locator(`li#commentaire-${id} > article a.comment-reply`).click();
    expect(await other.locator(`li#commentaire-${id} form.comment-form`).count()).toBe(1);
    await other.getByLabel('Commentaire', { exact: true }).fill('Je partage votre prudence.');
    await other.getByLabel('Nom', { exact: true }).fill('Octave Lemaire');
    await other.getByLabel('E-mail', { exact: true }).fill('octave.lemaire@example.org');
    clock.set(clock.now() + 10_000);
    await other.getByRole('button', { name: 'Publier le commentaire' }).click();
    const notice = other.locator('.form-notice');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toBe('Merci ! Votre commentaire est en attente de modération.');
    const pendingReply = other.locator(`li#commentaire-${id} > ol.comment-replies > li.comment-held`);
    expect(await pendingReply.locator('.comment-body').innerText()).toBe('Je partage votre prudence.');
    expect(await other.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    const readerReply = Number((await pendingReply.getAttribute('id'))?.replace('commentaire-', ''));
    expect(await site.app.services.moderation.apply(readerReply, 'approve')).toBe('approved');

    // Everybody now sees the comment with its thread, JavaScript or not.
    const anyone = await open({ javaScriptEnabled: false });
    await anyone.goto(ARTICLE);
    const thread = anyone.locator(`ol.comment-list > li#commentaire-${id}`);
    expect(await thread.locator(':scope > article .comment-author').innerText()).toBe('Yasmine Ferrand');
    expect(await thread.locator(':scope > article .comment-pending').count()).toBe(0);
    const replies = thread.locator(':scope > ol.comment-replies > li.comment');
    expect(await replies.evaluateAll((items) => items.map((li) => li.id))).toEqual([`commentaire-${staffReply}`, `commentaire-${readerReply}`]);
    expect(await replies.first().locator('.staff-badge').innerText()).toMatch(/rédaction/i);
    expect(await replies.nth(1).locator('.comment-author').innerText()).toBe('Octave Lemaire');
    expect(await anyone.getByText('yasmine.ferrand@example.org').count()).toBe(0);
    expect(await anyone.locator('h2#titre-commentaires').innerText()).toContain('7 commentaires');
  });

  it('JavaScript off: a refused comment comes back with the French reason and the text kept', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(ARTICLE);
    await page.getByLabel('Commentaire', { exact: true }).fill('Trop rapide pour être honnête.');
    await page.getByLabel('Nom', { exact: true }).fill('Robot Pressé');
    await page.getByLabel('E-mail', { exact: true }).fill('robot@example.org');
    // No time passes between the page and the post: the time trap answers.
    await page.getByRole('button', { name: 'Publier le commentaire' }).click();
    await page.waitForURL((u) => u.pathname === `${ARTICLE}/commentaires`);
    expect(await page.locator('.form-error').innerText()).toContain('trop vite');
    expect(await page.getByLabel('Commentaire', { exact: true }).inputValue()).toBe('Trop rapide pour être honnête.');
    expect(await page.getByLabel('Nom', { exact: true }).inputValue()).toBe('Robot Pressé');
    expect(await page.locator('.form-error').isVisible()).toBe(true);
  });
});
