/**
 * Answers for feeds, sitemaps and robots.txt: their Cache-Control, a Last-Modified from the
 * newest change they show, and their cache tags. The ETag and the 304 answers to conditional
 * requests come from the HTTP caching hooks (web/cache/http-caching.ts), as for every page.
 */
import type { FastifyReply } from 'fastify';
import { tagResponse } from './cache/http-caching.js';

/** What a cacheable document answer carries. */
export interface CacheableBody {
  body: string;
  contentType: string;
  /** Newest change of what the body shows; omitted when unknown. */
  lastModified?: Date;
  cacheControl: string;
  /** The cache tags of what it shows. */
  tags: readonly string[];
}

/** Sends a document with its caching headers. */
export function sendCacheable(reply: FastifyReply, answer: CacheableBody): FastifyReply {
  tagResponse(reply.header('cache-control', answer.cacheControl), answer.tags);
  // Dates before 1971 mean "no content yet": no Last-Modified rather than the epoch.
  if (answer.lastModified !== undefined && answer.lastModified.getTime() > 31_536_000_000) reply.header('last-modified', answer.lastModified.toUTCString());
  return reply.code(200).type(answer.contentType).send(answer.body);
}
