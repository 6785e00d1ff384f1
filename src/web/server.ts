/**
 * The HTTP server: Fastify with security headers, static files, the public routes and
 * error pages in French. Handlers stay thin: they call services and render views.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { DepecheError, errorMessage } from '../errors.js';
import type { Services } from '../services/index.js';
import { PUBLIC_DIR, stylesheetUrl } from './assets.js';
import { lazySchemaCompilers } from './lazy-schema-compilers.js';
import { cachingServerFactory, registerHttpCaching } from './cache/http-caching.js';
import { PageCache } from './cache/page-cache.js';
import { registerAdminApp } from './plugins/admin-app.js';
import { adminApi } from './routes/admin-api/index.js';
import { COMMENTER_COOKIE, createArticlePages, REMEMBER_COOKIE, registerCommentRoutes } from './routes/comments.js';
import { registerMediaFiles } from './routes/media-files.js';
import { registerPublicRoutes } from './routes/public.js';
import { registerSyndicationRoutes } from './routes/syndication.js';
import { ArticlePage } from './views/article-page.js';
import { renderPage } from './views/render.js';
import { ErrorPage } from './views/error-page.js';

/** What the server needs. */
export interface ServerOptions {
  config: Config;
  services: Services;
  /** Fastify's logger: off in tests. */
  logger?: boolean;
}

/**
 * How long a cached page lives at most. Writes drop pages at once; this bounds what time alone
 * changes: a comment form closing after its delay, a form token ageing, an article published
 * with a date in the future appearing, the news sitemap's 48-hour window. Matches `s-maxage`.
 */
export const PAGE_CACHE_MAX_AGE_MS = 300_000;

/** Shared by route modules: how to answer with a page or an error page. */
export interface PageResponder {
  stylesheet: string;
  sendHtml(reply: FastifyReply, html: string, status?: number): FastifyReply;
  sendError(request: FastifyRequest, reply: FastifyReply, status: number, message: string): Promise<FastifyReply>;
}

/** Builds the Fastify application (not listening yet). */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { config, services } = options;
  const pageCache =
    config.pageCacheMb > 0
      ? new PageCache({
          maxBytes: Math.floor(config.pageCacheMb * 1024 * 1024),
          maxAgeMs: PAGE_CACHE_MAX_AGE_MS,
          clock: services.ctx.clock,
          bus: services.ctx.invalidation,
          personalCookies: [COMMENTER_COOKIE, REMEMBER_COOKIE],
        })
      : null;
  const app = Fastify({
    // Page-cache hits are answered before Fastify routes them (see web/cache/http-caching.ts).
    serverFactory: cachingServerFactory(pageCache),
    // Route schemas compile on their first request, not at start (see lazy-schema-compilers.ts).
    schemaController: lazySchemaCompilers(),
    logger: options.logger === false ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    trustProxy: true,
    // Access logs belong to the proxy or CDN in front; per-request logging would halve throughput.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // A malformed URL gets the same French 400 page as any bad request.
    frameworkErrors: (error, request, reply) => {
      void responder.sendError(request, reply, 400, errorMessage('DEPECHE_BAD_URL', 'fr'));
    },
  });

  const responder: PageResponder = {
    stylesheet: stylesheetUrl(),
    sendHtml(reply, html, status = 200) {
      return reply.code(status).type('text/html; charset=utf-8').send(html);
    },
    async sendError(request, reply, status, message) {
      let chrome;
      try {
        chrome = await services.publicSite.chromeOnly();
      } catch {
        // The error page must render even when the database is the problem.
        chrome = { siteName: config.siteName, siteUrl: config.siteUrl, language: config.siteLanguage, timeZone: config.timeZone, typography: config.typography, menu: [] };
      }
      reply.header('cache-control', 'no-store');
      return this.sendHtml(reply, renderPage(ErrorPage({ chrome, status, message, stylesheet: this.stylesheet })), status);
    },
  };

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // blob: lets the admin app preview an image before it is uploaded.
        // https: covers a CDN or bucket in MEDIA_PUBLIC_URL; a plain-http one is named.
        imgSrc: ["'self'", 'data:', 'blob:', 'https:', ...(config.mediaPublicUrl?.startsWith('http:') ? [new URL(config.mediaPublicUrl).origin] : [])],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        ...(config.siteUrl.startsWith('https:') ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.siteUrl.startsWith('https:'),
    crossOriginEmbedderPolicy: false,
    // Headers only Internet Explorer, Flash and Acrobat read (the XSS auditor they would turn off
    // is gone from every current browser): bytes on every answer for no reader's benefit.
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  await app.register(fastifyCookie);
  // After the cookie plugin: its onSend hook writes Set-Cookie, which makes an answer unstorable.
  registerHttpCaching(app, pageCache, () => services.ctx.clock.now());
  app.addHook('onClose', async () => pageCache?.close());
  await app.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
  await app.register(fastifyStatic, { root: join(PUBLIC_DIR, 'static'), prefix: '/static/', maxAge: '365d', immutable: true, index: false });
  await registerMediaFiles(app, services.ctx.media, responder);

  app.setErrorHandler(async (error: FastifyError | DepecheError | Error, request, reply) => {
    if (error instanceof DepecheError) {
      if (error.reportable) request.log.error({ err: error }, error.message);
      return responder.sendError(request, reply, error.status, error.messageIn('fr'));
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413) return responder.sendError(request, reply, 413, errorMessage('DEPECHE_BODY_TOO_LARGE', 'fr'));
    if (status >= 400 && status < 500) return responder.sendError(request, reply, status, errorMessage('DEPECHE_BAD_REQUEST', 'fr', { detail: 'vérifiez l’adresse ou le formulaire.' }));
    request.log.error({ err: error }, 'request failed');
    return responder.sendError(request, reply, 500, errorMessage('DEPECHE_INTERNAL', 'fr'));
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      const path = request.url.split('?')[0] ?? '/';
      const redirect = await services.publicSite.redirectFor(path);
      if (redirect) return reply.redirect(redirect.location, redirect.status);
    }
    return responder.sendError(request, reply, 404, errorMessage('DEPECHE_NOT_FOUND', 'fr'));
  });

  registerSyndicationRoutes(app, services, responder);
  await app.register(adminApi, {
    prefix: '/api/admin',
    services,
    siteUrl: config.siteUrl,
    importMaxBytes: config.importMaxBytes,
    renderPreview: async (id) => {
      const view = await services.publicSite.previewPage(id);
      return view ? renderPage(ArticlePage({ view, stylesheet: responder.stylesheet, preview: true })) : undefined;
    },
  });
  registerAdminApp(app);
  const articlePages = createArticlePages(services, responder);
  registerPublicRoutes(app, services, responder, articlePages);
  registerCommentRoutes(app, services, responder, articlePages);
  return app;
}
