/**
 * The Admin JSON API under /api/admin/: the only write path for the admin app, scripts and
 * importers. An encapsulated plugin: its own auth, CSRF, JSON errors, and the OpenAPI
 * document built from the TypeBox schemas of its routes.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import type { FastifyError, FastifyInstance } from 'fastify';
import { DepecheError, errorMessage, type ErrorCode } from '../../../errors.js';
import { DEFAULT_IMPORT_MAX_BYTES } from '../../../services/files/json-file.js';
import type { Services } from '../../../services/index.js';
import { registerStaffAuth } from '../../plugins/staff-auth.js';
import { registerApiKeyRoutes } from './api-keys.js';
import { registerArticleRoutes } from './articles.js';
import { registerCommenterRoutes } from './commenters.js';
import { registerCommentRoutes } from './comments.js';
import { registerImportRoutes } from './imports.js';
import { registerMediaRoutes, MAX_UPLOAD_BYTES } from './media.js';
import { registerRelatedRoutes } from './related.js';
import { registerRevisionRoutes } from './revisions.js';
import { registerSessionRoutes } from './session.js';
import { registerSettingsRoutes } from './settings.js';
import { registerTaxonomyRoutes } from './taxonomy.js';
import { registerUserRoutes } from './users.js';

/** What the Admin API needs. */
export interface AdminApiOptions {
  services: Services;
  siteUrl: string;
  /** Renders the preview of an article (the public page, drafts included). */
  renderPreview: (articleId: number) => Promise<string | undefined>;
  /** Largest import file accepted (IMPORT_MAX_MB). */
  importMaxBytes?: number;
}

function send(reply: import('fastify').FastifyReply, status: number, code: ErrorCode | string, message: string) {
  return reply.code(status).header('cache-control', 'no-store').send({ error: { code, message } });
}

/** Fastify's own validation messages, made readable in French. */
function validationDetail(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first) return 'requête mal formée';
  const where = `${error.validationContext ?? 'body'}${first.instancePath.replace(/\//g, '.')}`;
  const missing = (first.params as { missingProperty?: string }).missingProperty;
  if (missing) return `le champ « ${missing} » est obligatoire (${where})`;
  return `« ${where} » ${first.message ?? 'est invalide'}`;
}

/** Registers the Admin API (call with `prefix: '/api/admin'`). */
export async function adminApi(app: FastifyInstance, options: AdminApiOptions): Promise<void> {
  const { services } = options;
  // The cookie parser is registered once for the whole server (src/web/server.ts).
  if (!app.hasDecorator('parseCookie')) await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 10_000 } });
  // Cross-site HTML forms could post url-encoded bodies with the session cookie: refuse them here.
  app.removeContentTypeParser('application/x-www-form-urlencoded');
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Dépêche Admin API', version: '1.0.0', description: 'The newsroom API of Dépêche: session cookie + x-csrf-token header, or Authorization: Bearer <API key>. Errors are { error: { code, message } } with French messages.' },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'depeche_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.setErrorHandler(async (error: FastifyError | DepecheError | Error, request, reply) => {
    if (error instanceof DepecheError) {
      if (error.reportable) request.log.error({ err: error }, error.message);
      if (error.code === 'DEPECHE_TOO_MANY_ATTEMPTS') reply.header('retry-after', String(error.params.seconds ?? 60));
      return send(reply, error.status, error.code, error.messageIn('fr'));
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) return send(reply, 422, 'DEPECHE_VALIDATION', errorMessage('DEPECHE_VALIDATION', 'fr', { detail: validationDetail(fastifyError) }));
    if (fastifyError.code === 'FST_REQ_FILE_TOO_LARGE') {
      return send(reply, 413, 'DEPECHE_MEDIA_TOO_LARGE', errorMessage('DEPECHE_MEDIA_TOO_LARGE', 'fr', { limit: MAX_UPLOAD_BYTES / 1024 / 1024 }));
    }
    const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
    if (status >= 400 && status < 500) return send(reply, status, 'DEPECHE_BAD_REQUEST', errorMessage('DEPECHE_BAD_REQUEST', 'fr', { detail: 'vérifiez le format de la requête (JSON attendu).' }));
    request.log.error({ err: error }, 'admin API request failed');
    return send(reply, 500, 'DEPECHE_INTERNAL', errorMessage('DEPECHE_INTERNAL', 'fr'));
  });

  app.setNotFoundHandler(async (_request, reply) => send(reply, 404, 'DEPECHE_NOT_FOUND', 'Cette adresse de l’API d’administration n’existe pas.'));

  registerStaffAuth(app, services);
  registerSessionRoutes(app, services, { secureCookie: options.siteUrl.startsWith('https:') });
  registerApiKeyRoutes(app, services);
  registerArticleRoutes(app, services, options.renderPreview);
  registerRevisionRoutes(app, services);
  registerTaxonomyRoutes(app, services);
  registerUserRoutes(app, services);
  registerMediaRoutes(app, services);
  registerCommentRoutes(app, services);
  registerRelatedRoutes(app, services);
  registerCommenterRoutes(app, services);
  registerSettingsRoutes(app, services);
  registerImportRoutes(app, services, { maxBytes: options.importMaxBytes ?? DEFAULT_IMPORT_MAX_BYTES });

  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
