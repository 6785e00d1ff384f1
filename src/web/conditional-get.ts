/**
 * Conditional GET for feeds and sitemaps: a strong ETag from the body, Last-Modified from the
 * newest change, and 304 Not Modified when the client's copy is fresh (`fresh` implements the
 * RFC 9110 rules: If-None-Match wins over If-Modified-Since).
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fresh from 'fresh';

/** What a cacheable document answer carries. */
export interface CacheableBody {
  body: string;
  contentType: string;
  /** Newest change of what the body shows; omitted when unknown. */
  lastModified?: Date;
  cacheControl: string;
}

/** Sends a body with ETag and Last-Modified, or 304 when the client already has it. */
export function sendCacheable(request: FastifyRequest, reply: FastifyReply, answer: CacheableBody): FastifyReply {
  const etag = `"${createHash('sha256').update(answer.body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', answer.cacheControl);
  // Dates before 1971 mean "no content yet": no Last-Modified rather than the epoch.
  if (answer.lastModified !== undefined && answer.lastModified.getTime() > 31_536_000_000) reply.header('last-modified', answer.lastModified.toUTCString());
  if (fresh(request.headers, { etag, 'last-modified': reply.getHeader('last-modified') as string | undefined })) {
    return reply.code(304).send();
  }
  return reply.code(200).type(answer.contentType).send(answer.body);
}
