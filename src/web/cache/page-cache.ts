/**
 * The in-memory page cache of public pages and feeds: rendered answers stored with their exact
 * headers and pre-compressed bodies (brotli and gzip), served before Fastify routes anything,
 * dropped by cache tag when a write says so (through the invalidation bus, from this process
 * or another). See README, "Caching".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { InvalidationBus } from '../../services/cache/invalidation-bus.js';
import type { Clock } from '../../services/clock.js';
import { cacheKey, isNotModified, pickEncoding } from './negotiation.js';
import { PageStore, type StoredPage, type StoredVariant } from './page-store.js';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Bodies below this size are stored and sent as they are (compression would save too little). */
export const COMPRESS_MIN_BYTES = 1024;
/**
 * Brotli quality 5: on HTML it already beats gzip -9 by ~10–15 % while compressing about as fast
 * as gzip -6; the top qualities (10–11) save a few more percent for ~50× the time, spent on the
 * first request after every invalidation of a page.
 */
const BROTLI_QUALITY = 5;
/** Headers never stored: the transport's own, recomputed for each answer. */
const TRANSPORT_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date']);
const COMPRESSIBLE = /^(text\/|application\/([\w.+-]*\+)?(xml|json)\b)/;

/** What the page cache needs. */
export interface PageCacheOptions {
  /** The bound on stored bytes (all encodings). */
  maxBytes: number;
  /** How long an entry lives at most: what time alone changes (comments closing, form tokens, scheduled dates). */
  maxAgeMs: number;
  clock: Clock;
  /** Where invalidations come from. */
  bus: InvalidationBus;
  /** Cookies that change the pages marked `Vary: Cookie` (those readers bypass their entries). */
  personalCookies: readonly string[];
}

/** A rendered answer to store. */
export interface RenderedPage {
  key: string;
  tags: readonly string[];
  /** Every header of the answer (lower-case names), ETag and Last-Modified included. */
  headers: Record<string, string | number | readonly string[] | undefined>;
  body: Buffer;
  etag: string;
}

/** Answers repeated requests for public pages from memory. */
export class PageCache {
  readonly store: PageStore;
  private readonly unsubscribe: () => void;
  private readonly cookieMarks: string[];

  constructor(private readonly options: PageCacheOptions) {
    this.store = new PageStore(options.maxBytes);
    this.cookieMarks = options.personalCookies.map((name) => `${name}=`);
    this.unsubscribe = options.bus.subscribe((tags, flags) => {
      this.store.invalidate(tags, flags?.everything === true);
    });
  }

  /** Stops listening to invalidations and drops everything. */
  close(): void {
    this.unsubscribe();
    this.store.clear();
  }

  /** Whether a Cookie header holds one of the cookies that personalise pages. */
  hasPersonalCookie(cookie: string | undefined): boolean {
    if (cookie === undefined) return false;
    for (const mark of this.cookieMarks) if (cookie.includes(mark)) return true;
    return false;
  }

  /**
   * Answers a GET or HEAD from the cache on the raw request and response (200 in the encoding
   * the client prefers, or 304); false when it has nothing to answer with.
   */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD') return false;
    const key = cacheKey(req.url ?? '/');
    if (key === undefined) return false;
    const page = this.store.get(key, this.options.clock.now());
    if (page === undefined) return false;
    const headers = req.headers;
    if (page.cookieSensitive && this.hasPersonalCookie(headers.cookie)) return false;
    const ifNoneMatch = headers['if-none-match'];
    if ((ifNoneMatch !== undefined || headers['if-modified-since'] !== undefined) && isNotModified(ifNoneMatch, headers['if-modified-since'], page.etag, page.lastModified)) {
      res.writeHead(304, page.notModified);
      res.end();
      return true;
    }
    const variant = this.variantFor(page, headers['accept-encoding']);
    res.writeHead(200, variant.headers);
    if (method === 'HEAD') res.end();
    else res.end(variant.body);
    return true;
  }

  /** The stored variant for an Accept-Encoding header. */
  variantFor(page: StoredPage, acceptEncoding: string | undefined): StoredVariant {
    const encoding = pickEncoding(acceptEncoding, page.br !== undefined, page.gzip !== undefined);
    return (encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : undefined) ?? page.identity;
  }

  /** Builds the stored form of a rendered answer: header lists and compressed bodies. */
  async build(rendered: RenderedPage): Promise<StoredPage> {
    const contentType = String(rendered.headers['content-type'] ?? '');
    const compress = rendered.body.length >= COMPRESS_MIN_BYTES && COMPRESSIBLE.test(contentType);
    const [br, gz] = compress
      ? await Promise.all([
          brotli(rendered.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: rendered.body.length } }),
          gzipped(rendered.body),
        ])
      : [undefined, undefined];
    const base: string[] = [];
    let vary: string | undefined;
    for (const [name, value] of Object.entries(rendered.headers)) {
      if (value === undefined || TRANSPORT_HEADERS.has(name)) continue;
      if (name === 'vary') {
        vary = String(value);
        continue;
      }
      if (Array.isArray(value)) for (const item of value as readonly string[]) base.push(name, item);
      else base.push(name, String(value));
    }
    const varyValue = compress ? mergeVary(vary, 'Accept-Encoding') : vary;
    if (varyValue !== undefined) base.push('vary', varyValue);
    const variant = (body: Buffer, encoding?: string): StoredVariant => ({
      headers: [...base, ...(encoding ? ['content-encoding', encoding] : []), 'content-length', String(body.length)],
      body,
    });
    const identity = variant(rendered.body);
    const gzipVariant = gz ? variant(gz, 'gzip') : undefined;
    const brVariant = br ? variant(br, 'br') : undefined;
    const notModified: string[] = [];
    for (let i = 0; i < base.length; i += 2) if (base[i] !== 'content-type') notModified.push(base[i] as string, base[i + 1] as string);
    const lastModifiedText = rendered.headers['last-modified'];
    const lastModified = typeof lastModifiedText === 'string' ? Date.parse(lastModifiedText) : NaN;
    const headerBytes = base.reduce((sum, h) => sum + h.length, 0);
    return {
      key: rendered.key,
      tags: rendered.tags,
      etag: rendered.etag,
      lastModified: Number.isNaN(lastModified) ? undefined : lastModified,
      expiresAt: this.options.clock.now() + this.options.maxAgeMs,
      cookieSensitive: /\bcookie\b/i.test(varyValue ?? ''),
      identity,
      gzip: gzipVariant,
      br: brVariant,
      notModified,
      // Bodies of every encoding, the key, headers (three lists) and a little for the objects.
      bytes: identity.body.length + (gz?.length ?? 0) + (br?.length ?? 0) + rendered.key.length + 3 * headerBytes + 256,
    };
  }
}

/** A Vary value with `name` added once. */
export function mergeVary(vary: string | undefined, name: string): string {
  if (vary === undefined || vary.trim() === '') return name;
  const names = vary.split(',').map((v) => v.trim().toLowerCase());
  return names.includes(name.toLowerCase()) || names.includes('*') ? vary : `${vary}, ${name}`;
}
