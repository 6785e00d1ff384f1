/**
 * A small site with something of everything an export must carry: a category tree, tags
 * (one whose slug is not made from its name), several bylines, media used as featured
 * image and in a body, every article status, notes, revisions, a pinned related article,
 * threaded comments of every status (a staff reply, an erased one), redirects and a page.
 */
import { makeJpeg } from './images.js';
import type { Services } from '../../src/services/index.js';
import type { Clock } from '../../src/services/clock.js';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** Ids of what {@link buildRichSite} made, for tests that look at one item. */
export interface RichSite {
  publishedId: number;
  mediaId: number;
  editorId: number;
}

/** Builds the site through the services; `clock.set` moves time between writes. */
export async function buildRichSite(services: Services, clock: Clock & { set(to: number): void }, start: number): Promise<RichSite> {
  let now = start;
  const tick = (ms = 60_000) => clock.set((now += ms));
  const editorId = await services.users.createUser({ email: 'edith@example.org', name: 'Édith Éditrice', role: 'editor', password: 'un-mot-de-passe-long', bio: 'Cheffe d’édition.' });
  const authorId = await services.users.createUser({ email: 'arno@example.org', name: 'Arno Auteur', role: 'author', slug: 'arno' });
  tick();
  const world = await services.taxonomy.createCategory({ name: 'Monde', slug: 'monde', description: 'Le monde.', position: 0 });
  const africa = await services.taxonomy.createCategory({ name: 'Afrique', slug: 'afrique', parentSlug: 'monde', position: 1, inMenu: false });
  await services.taxonomy.createCategory({ name: 'Culture', slug: 'culture', position: 2 });
  const [ai] = [await services.ctx.repos.taxonomy.insertTag('ia', 'Intelligence artificielle', now)];
  tick();
  const bytes = await makeJpeg(64, 48);
  const mediaId = await services.media.addImage({ name: 'pont', renditions: [{ width: 64, height: 48, format: 'jpeg', bytes }], alt: 'Un pont de pierre', caption: 'Le vieux pont', credit: 'Photo X' });
  const unused = await services.media.addImage({ name: 'vieux', renditions: [{ width: 64, height: 48, format: 'jpeg', bytes: await makeJpeg(64, 48, { orientation: 1 }).then((b) => Buffer.concat([b, Buffer.from([0])])) }], alt: 'Retirée', caption: '' });
  await services.media.remove({ id: editorId, role: 'editor' }, unused);
  tick();
  const body = {
    type: 'doc',
    content: [
      paragraph('Premier paragraphe « cité » avec une apostrophe ’ et ]]> au milieu.'),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Un intertitre' }] },
      { type: 'figure', attrs: { mediaId, src: '/media/x.jpg', alt: 'Le pont, de face', caption: 'Une légende', credit: 'Crédit' } },
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('un')] }, { type: 'listItem', content: [paragraph('deux')] }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Un lien', marks: [{ type: 'link', attrs: { href: 'https://exemple.fr/' } }, { type: 'bold' }] }] },
    ],
  };
  const publishedId = await services.articles.createArticle({
    title: 'Le pont rouvre après deux ans de travaux',
    slug: 'le-pont-rouvre',
    dek: 'Un chapô.',
    body,
    categoryId: africa,
    authorIds: [authorId, editorId],
    tagNames: ['Travaux', 'Ponts'],
    status: 'published',
    publishedAt: now - 3_600_000,
    featuredMediaId: mediaId,
    featuredCaption: 'Légende propre à l’article',
    seoTitle: 'Pont : réouverture',
    seoDescription: 'La réouverture du pont.',
  });
  tick();
  // An edit after publication ("Mis à jour") and a slug change (a redirect), then a note.
  await services.articles.updateArticle(publishedId, { title: 'Le pont rouvre enfin', slug: 'le-pont-rouvre-enfin', userId: editorId, revisionNote: 'Titre' });
  tick();
  await services.articles.addNote(publishedId, { kind: 'correction', text: 'Le pont a deux arches, pas trois.', userId: editorId });
  tick();
  const second = await services.articles.createArticle({ title: 'Une exposition sur l’IA', slug: 'expo-ia', body: { type: 'doc', content: [paragraph('Texte.')] }, categoryId: world, authorIds: [authorId], tagIds: [ai!], status: 'published', publishedAt: now - 7_200_000, commentsOpen: false, language: 'en' });
  for (const [slug, status, publishedAt] of [
    ['brouillon', 'draft', null],
    ['en-relecture', 'review', null],
    ['programme', 'scheduled', now + 86_400_000],
    ['depublie', 'unpublished', now - 86_400_000],
    ['a-la-corbeille', 'trash', now - 2 * 86_400_000],
  ] as const) {
    tick(1000);
    await services.articles.createArticle({ title: `Article ${slug}`, slug, body: { type: 'doc', content: [paragraph(slug)] }, categoryId: world, authorIds: [authorId], status, publishedAt });
  }
  await services.relatedCuration.set({ id: editorId, role: 'editor' }, publishedId, second, { kind: 'pin', position: 0 });
  tick();
  // Comments: a thread, every status, a staff reply, an erased commenter.
  const first = await services.comments.recordComment({ articleId: publishedId, status: 'approved', authorName: 'Lina', authorEmail: 'lina@example.org', authorUrl: 'https://lina.example.org', body: 'Enfin !', createdAt: now });
  await services.comments.recordComment({ articleId: publishedId, parentId: first, status: 'approved', authorName: 'Marc', authorEmail: 'marc@example.org', body: 'Oui, enfin.', createdAt: now + 1000 });
  await services.moderation.reply(first, editorId, 'Merci de votre lecture.');
  await services.comments.recordComment({ articleId: publishedId, status: 'pending', authorName: 'Paul', authorEmail: 'paul@example.org', body: 'En attente.', createdAt: now + 3000 });
  const spam = await services.comments.recordComment({ articleId: publishedId, status: 'approved', authorName: 'Pub', authorEmail: 'pub@example.org', body: 'Achetez !', createdAt: now + 4000 });
  await services.moderation.apply(spam, 'spam');
  await services.comments.recordComment({ articleId: second, status: 'approved', authorName: 'Zoé', authorEmail: 'zoe@example.org', body: 'À effacer.', createdAt: now + 5000 });
  tick();
  await services.moderation.eraseByEmail('zoe@example.org');
  // A renamed category leaves a redirect of its page behind.
  await services.taxonomy.updateCategory({ id: editorId, role: 'editor' }, world, { slug: 'international' });
  tick();
  await services.pages.createPage({ title: 'À propos', slug: 'a-propos', excerpt: 'Qui nous sommes.', body: { type: 'doc', content: [paragraph('Une rédaction.')] }, status: 'published', publishedAt: now - 1000 });
  await services.settings.update({ id: editorId, role: 'administrator' }, { siteName: 'Le Quotidien', siteDescription: 'Des nouvelles.' });
  await services.ctx.commentSettings.update({ maxLinks: 3 });
  return { publishedId, mediaId, editorId };
}
