/**
 * Serves the admin app (a Vite build in admin/dist/) at /admin/, with the SPA fallback: any
 * /admin/… path that is not a file gets index.html, and the app routes in the browser. The
 * pages hold no data: everything comes from the Admin API, which refuses anonymous calls.
 */
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { PROJECT_ROOT } from '../../project-root.js';

/** Where the built admin app is. */
export const ADMIN_DIST = join(PROJECT_ROOT, 'admin', 'dist');

const NOT_BUILT = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Administration – application non construite</title></head><body><main><h1>L’application d’administration n’est pas construite</h1><p>Lancez <code>npm run build</code> (ou <code>npm start</code>) pour la construire, puis rechargez cette page.</p></main></body></html>`;

/** Registers /admin/ and its SPA fallback. */
export function registerAdminApp(app: FastifyInstance, distDir: string = ADMIN_DIST): void {
  const sendIndex = (reply: FastifyReply) => {
    // The shell holds no data, but it is the admin: nothing in front of it keeps a copy.
    reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex, nofollow');
    if (!existsSync(join(distDir, 'index.html'))) return reply.code(200).type('text/html; charset=utf-8').send(NOT_BUILT);
    // cacheControl: false keeps the header above (the static plugin would set its year-long one).
    return reply.sendFile('index.html', distDir, { cacheControl: false });
  };

  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 301));
  app.get('/admin/', async (_request, reply) => sendIndex(reply));
  app.get<{ Params: { '*': string } }>('/admin/*', async (request, reply) => {
    const relative = normalize(request.params['*']).replace(/^(\.\.(\/|\\|$))+/, '');
    const file = join(distDir, relative);
    if (relative !== '' && file.startsWith(distDir + sep) && existsSync(file) && statSync(file).isFile()) {
      // Vite puts content hashes in asset names: those can be cached for good.
      const hashed = relative.startsWith(`assets${sep}`);
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.sendFile(relative, distDir, { cacheControl: false });
    }
    return sendIndex(reply);
  });
}
