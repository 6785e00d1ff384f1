/** Public pages: home, articles, categories, tags, authors, search (page and JSON). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorMessage } from '../../errors.js';
import type { Services } from '../../services/index.js';
import type { PageResponder } from '../server.js';
import { PUBLIC_CACHE, type ArticlePages } from './comments.js';
import { pageNumber } from '../page-number.js';
import { HomePage } from '../views/home-page.js';
import { ListingPage } from '../views/listing-page.js';
import { SearchPage } from '../views/search-page.js';
import { StandalonePage } from '../views/standalone-page.js';
import { presentSearch } from '../presenters/search-presenter.js';
import type { SearchRequest } from '../../services/search/search-service.js';
import { renderPage } from '../views/render.js';

/** Registers the public routes. */
export function registerPublicRoutes(app: FastifyInstance, services: Services, pages: PageResponder, articles: ArticlePages): void {
  const site = services.publicSite;
  const notFound = (request: FastifyRequest, reply: FastifyReply) => pages.sendError(request, reply, 404, errorMessage('DEPECHE_NOT_FOUND', 'fr'));
  const page = (reply: FastifyReply, html: string) => pages.sendHtml(reply.header('cache-control', PUBLIC_CACHE), html);

  // Browsers ask for /favicon.ico whatever the page says; send them to the real icon.
  app.get('/favicon.ico', async (_request, reply) => reply.header('cache-control', 'public, max-age=86400').redirect('/static/favicon.svg', 301));

  app.get<{ Querystring: Record<string, string | string[] | undefined> }>('/', async (request, reply) => {
    // Old WordPress addresses by id (/?p=123, /?page_id=45) answer with the imported post's address.
    const legacyId = request.query.p ?? request.query.page_id;
    if (typeof legacyId === 'string') {
      const location = await site.importedPostPath('wordpress', legacyId);
      if (location) return reply.redirect(location, 301);
    }
    const view = await site.homePage();
    return page(reply, renderPage(HomePage({ view, stylesheet: pages.stylesheet })));
  });

  // Search: results depend only on the URL, so shared caches may keep them briefly too.
  app.get<{ Querystring: SearchRequest }>('/recherche', async (request, reply) => {
    const view = await services.search.searchPage(request.query ?? {});
    return page(reply, renderPage(SearchPage({ view, stylesheet: pages.stylesheet })));
  });

  app.get<{ Querystring: SearchRequest }>('/api/search', async (request, reply) => {
    const outcome = await services.search.search(request.query ?? {});
    return reply.header('cache-control', PUBLIC_CACHE).type('application/json; charset=utf-8').send(presentSearch(outcome, services.ctx.site.siteUrl));
  });

  app.get<{ Params: { slug: string } }>('/tag/:slug', async (request, reply) => {
    const view = await site.tagPage(request.params.slug, pageNumber(request.query));
    if (!view) return notFound(request, reply);
    return page(reply, renderPage(ListingPage({ view, stylesheet: pages.stylesheet })));
  });

  app.get<{ Params: { slug: string } }>('/auteur/:slug', async (request, reply) => {
    const view = await site.authorPage(request.params.slug, pageNumber(request.query));
    if (!view) return notFound(request, reply);
    return page(reply, renderPage(ListingPage({ view, stylesheet: pages.stylesheet })));
  });

  app.get<{ Params: { category: string } }>('/:category/', async (request, reply) => {
    const view = await site.categoryPage(request.params.category, pageNumber(request.query));
    if (!view) {
      // A renamed category's old page redirects to the new one.
      const redirect = await site.redirectFor(`/${request.params.category}/`);
      return redirect ? reply.redirect(redirect.location, redirect.status) : notFound(request, reply);
    }
    return page(reply, renderPage(ListingPage({ view, stylesheet: pages.stylesheet })));
  });

  // "/actualite" without its slash is the same category page; otherwise it may be a standalone page.
  app.get<{ Params: { category: string } }>('/:category', async (request, reply) => {
    const view = await site.categoryPage(request.params.category, 1);
    if (!view) {
      const standalone = await site.standalonePage(request.params.category);
      if (standalone) return page(reply, renderPage(StandalonePage({ view: standalone, stylesheet: pages.stylesheet })));
      const redirect = await site.redirectFor(request.url.split('?')[0] ?? '');
      return redirect ? reply.redirect(redirect.location, redirect.status) : notFound(request, reply);
    }
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    return reply.redirect(`${view.url}${query}`, 301);
  });

  app.get<{ Params: { category: string; slug: string } }>('/:category/:slug', async (request, reply) => {
    if (await articles.render(request, reply, request.params.category, request.params.slug)) return reply;
    const redirect = await site.redirectFor(request.url.split('?')[0] ?? '');
    if (redirect) return reply.redirect(redirect.location, redirect.status);
    // Under a renamed category (its old page redirects), the article answers at its new address.
    const renamed = await site.redirectFor(`/${request.params.category}/`);
    const current = renamed ? await site.currentArticlePath(request.params.slug) : undefined;
    return current ? reply.redirect(current, 301) : notFound(request, reply);
  });
}
