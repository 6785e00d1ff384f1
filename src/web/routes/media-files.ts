/**
 * /media/*: the media files. From the local disk, @fastify/static sends them (sendfile, ranges);
 * from any other storage (a bucket), they are streamed through, with the same year-long cache
 * headers, so a CDN in front keeps them. When MEDIA_PUBLIC_URL points readers at a CDN or
 * the bucket, this route still answers the URLs of pages written before it was set.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { isNotModified } from '../cache/negotiation.js';
import { errorMessage } from '../../errors.js';
import { isValidMediaKey, LocalDiskStorage, type MediaStorage } from '../../services/media-storage.js';
import { IMMUTABLE_CACHE_CONTROL } from '../../services/s3-media-storage.js';
import type { PageResponder } from '../server.js';

const TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif', svg: 'image/svg+xml' };

/** The content type of a key by its extension (for storages that do not keep one). */
function typeOf(key: string): string {
  return TYPES[key.slice(key.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

/** Serves /media/* from the storage the services write to. */
export async function registerMediaFiles(app: FastifyInstance, storage: MediaStorage, responder: PageResponder): Promise<void> {
  if (storage instanceof LocalDiskStorage) {
    await app.register(fastifyStatic, { root: storage.root, prefix: '/media/', decorateReply: false, maxAge: '365d', immutable: true, index: false });
    return;
  }
  app.get<{ Params: { '*': string } }>('/media/*', async (request, reply) => {
    const key = request.params['*'];
    const object = isValidMediaKey(key) ? await storage.get(key) : undefined;
    if (object === undefined) return responder.sendError(request, reply, 404, errorMessage('DEPECHE_NOT_FOUND', 'fr'));
    reply.header('cache-control', IMMUTABLE_CACHE_CONTROL);
    if (object.etag !== undefined) reply.header('etag', object.etag);
    if (object.etag !== undefined && isNotModified(headerValue(request.headers['if-none-match']), undefined, object.etag, undefined)) {
      object.body.destroy();
      return reply.code(304).send();
    }
    // A file put there by another tool may have no useful type: the extension tells then.
    reply.type(object.contentType !== undefined && object.contentType !== 'application/octet-stream' ? object.contentType : typeOf(key));
    if (object.size !== undefined) reply.header('content-length', object.size);
    return reply.send(object.body);
  });
}

/** A request header's single value (a repeated header counts as absent). */
function headerValue(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
