/**
 * HTTP caching of public answers, in two parts:
 * - for every answer a route tagged (see {@link tagResponse}) with a public Cache-Control: a
 *   strong ETag, a Last-Modified, 304 answers to conditional requests, and the tags as
 *   `Surrogate-Key` and `Cache-Tag` for a CDN;
 * - when the page cache is on: such answers are stored (unless they set a cookie, are personal
 *   or the request carried a personalising cookie) and later answered before any routing, by
 *   the server factory (and an onRequest hook for requests that do not pass through it, such
 *   as `inject()` in tests).
 */
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify';
import { cacheKey, isNotModified, strongEtag } from './negotiation.js';
import type { PageCache } from './page-cache.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The page cache's invalidation sequence when this request started, or -1: not to be stored. */
    pageCacheStart: number;
  }
  interface FastifyInstance {
    /** The page cache, or null when PAGE_CACHE_MB is 0. */
    pageCache: PageCache | null;
  }
}

/**
 * Cache-Control of public pages. Browsers keep a page a minute (`max-age=60`); shared caches
 * five (`s-maxage=300`): with the purge webhook a CDN drops it at once on a write, without it
 * five minutes is the longest it lags. `stale-while-revalidate=60`: after that, a CDN may answer
 * with the old copy for a minute more while it fetches the new one, so a popular page that
 * expires does not send every reader to the origin at once.
 */
export const PUBLIC_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=60';
/** Cache-Control of anything carrying one person's data (the admin, a reader's pending comment). */
export const PERSONAL_CACHE = 'private, no-store';

/** Set on requests the server factory already looked up. */
const LOOKED_UP = Symbol('page cache looked up');
type MarkedRequest = IncomingMessage & { [LOOKED_UP]?: true };

/** Tags an answer with the cache tags of what it shows: it becomes cacheable (if public). */
export function tagResponse(reply: FastifyReply, tags: readonly string[]): FastifyReply {
  return reply.header('surrogate-key', tags.join(' ')).header('cache-tag', tags.join(','));
}

/**
 * A Fastify server factory whose request handler answers page-cache hits itself, before
 * Fastify sees the request: a hit costs a map lookup and one write. Other requests go to
 * Fastify as usual. The server is set up as Fastify sets up its own.
 */
export function cachingServerFactory(cache: PageCache | null) {
  return (handler: (req: IncomingMessage, res: ServerResponse) => void, options: FastifyServerOptions): Server => {
    const server = createServer((options as { http?: ServerOptions }).http ?? {}, (req: MarkedRequest, res) => {
      if (cache !== null) {
        if (cache.serve(req, res)) return;
        req[LOOKED_UP] = true;
      }
      handler(req, res);
    });
    if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
    if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket !== undefined && options.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}

/** Registers the hooks (after the cookie plugin, whose onSend hook writes Set-Cookie first). */
export function registerHttpCaching(app: FastifyInstance, cache: PageCache | null, now: () => number): void {
  app.decorate('pageCache', cache);
  app.decorateRequest('pageCacheStart', -1);

  app.addHook('onRequest', (request, reply, done) => {
    const method = request.raw.method;
    if (cache !== null && (method === 'GET' || method === 'HEAD')) {
      const raw = request.raw as MarkedRequest;
      if (raw[LOOKED_UP] !== true && cache.serve(raw, reply.raw)) {
        // Answered: the hook chain stops here (no done()).
        reply.hijack();
        return;
      }
      request.pageCacheStart = cache.store.renderStarted();
    }
    done();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const surrogateKey = reply.getHeader('surrogate-key');
    if (typeof surrogateKey !== 'string') return payload;
    const cacheControl = String(reply.getHeader('cache-control') ?? '');
    if (!/^\s*public\b/i.test(cacheControl) || /\b(private|no-store|no-cache)\b/i.test(cacheControl)) {
      // A personal answer names no tags: a CDN must not file it with the shared pages.
      reply.removeHeader('surrogate-key');
      reply.removeHeader('cache-tag');
      return payload;
    }
    if (reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const etag = strongEtag(body);
    reply.header('etag', etag);
    if (!reply.hasHeader('last-modified')) reply.header('last-modified', new Date(Math.floor(now() / 1000) * 1000).toUTCString());
    const notModified = conditional(request.headers, etag, reply);
    let answer: Buffer = body;
    const key = cacheKey(request.raw.url ?? '/');
    const storable =
      cache !== null && request.pageCacheStart >= 0 && key !== undefined && !reply.hasHeader('set-cookie') && !cache.hasPersonalCookie(request.headers.cookie);
    if (storable) {
      const page = await cache.build({ key, tags: surrogateKey.split(' '), headers: reply.getHeaders(), body, etag });
      cache.store.put(page, request.pageCacheStart);
      // This answer is the same as the stored one: same Vary, the encoding the client prefers.
      const variant = cache.variantFor(page, request.headers['accept-encoding']);
      const vary = headerValue(variant.headers, 'vary');
      if (vary !== undefined) reply.header('vary', vary);
      const encoding = headerValue(variant.headers, 'content-encoding');
      if (encoding !== undefined && !notModified) reply.header('content-encoding', encoding);
      answer = variant.body;
    }
    if (notModified) {
      reply.code(304);
      reply.removeHeader('content-type');
      return null;
    }
    return answer;
  });
}

/** Whether a conditional request's copy is current. */
function conditional(headers: IncomingMessage['headers'], etag: string, reply: FastifyReply): boolean {
  const ifNoneMatch = headers['if-none-match'];
  const ifModifiedSince = headers['if-modified-since'];
  if (ifNoneMatch === undefined && ifModifiedSince === undefined) return false;
  const lastModified = Date.parse(String(reply.getHeader('last-modified') ?? ''));
  return isNotModified(ifNoneMatch, ifModifiedSince, etag, Number.isNaN(lastModified) ? undefined : lastModified);
}

/** A header's value in a raw header list. */
function headerValue(headers: readonly string[], name: string): string | undefined {
  for (let i = 0; i < headers.length; i += 2) if (headers[i] === name) return headers[i + 1];
  return undefined;
}
