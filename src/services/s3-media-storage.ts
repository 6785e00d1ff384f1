/**
 * Media files in an S3-compatible bucket (AWS S3, MinIO, Garage, Ceph, R2, Scaleway…), so that
 * every app node reads and writes the same files. Plain HTTP requests signed with AWS
 * Signature V4 by aws4fetch: three verbs are all Dépêche needs, not a whole SDK.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { isValidMediaKey, type MediaObject, type MediaStorage } from './media-storage.js';

/** Where the bucket is and how to sign for it. */
export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

/** Keys never change content (their names carry a hash): caches may keep them for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** A request to the bucket that did not succeed (never carries credentials). */
export class S3RequestError extends Error {
  constructor(
    readonly status: number,
    readonly s3Code: string,
    operation: string,
    key: string,
  ) {
    super(`S3 ${operation} of ${key} failed: HTTP ${status}${s3Code === '' ? '' : ` ${s3Code}`}`);
    this.name = 'S3RequestError';
  }
}

/** RFC 3986 escaping of one path segment, as S3 signs it. */
function escapeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

async function errorCode(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  return /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? '';
}

/** A {@link MediaStorage} over an S3-compatible bucket. */
export class S3MediaStorage implements MediaStorage {
  private readonly client: AwsClient;
  private readonly base: string;

  constructor(
    settings: S3Settings,
    private readonly timeoutMs = 30_000,
  ) {
    // Two quick retries on 5xx/429 at most: a reader waits, so no long back-off here.
    this.client = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, service: 's3', region: settings.region, retries: 2, initRetryMs: 100 });
    const endpoint = new URL(settings.endpoint);
    const path = endpoint.pathname.replace(/\/+$/, '');
    this.base = settings.forcePathStyle ? `${endpoint.protocol}//${endpoint.host}${path}/${settings.bucket}` : `${endpoint.protocol}//${settings.bucket}.${endpoint.host}${path}`;
  }

  async put(key: string, bytes: Buffer, contentType = 'application/octet-stream'): Promise<void> {
    const response = await this.request('PUT', key, {
      body: bytes,
      headers: {
        'content-type': contentType,
        'cache-control': IMMUTABLE_CACHE_CONTROL,
        // The payload's hash is signed: a corrupted upload is refused by the server.
        'x-amz-content-sha256': createHash('sha256').update(bytes).digest('hex'),
      },
    });
    if (!response.ok) throw new S3RequestError(response.status, await errorCode(response), 'PUT', key);
    await response.body?.cancel();
  }

  async get(key: string): Promise<MediaObject | undefined> {
    const response = await this.request('GET', key);
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok || response.body === null) throw new S3RequestError(response.status, await errorCode(response), 'GET', key);
    const length = Number(response.headers.get('content-length'));
    const contentType = response.headers.get('content-type');
    const etag = response.headers.get('etag');
    return {
      body: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      ...(Number.isSafeInteger(length) && length >= 0 ? { size: length } : {}),
      ...(contentType ? { contentType } : {}),
      ...(etag ? { etag } : {}),
    };
  }

  async delete(key: string): Promise<void> {
    const response = await this.request('DELETE', key);
    await response.body?.cancel();
    if (!response.ok && response.status !== 404) throw new S3RequestError(response.status, '', 'DELETE', key);
  }

  /** The URL of a key's object at the storage (path or virtual-hosted style). */
  objectUrl(key: string): string {
    if (!isValidMediaKey(key)) throw new Error(`invalid media key: ${key}`);
    return `${this.base}/${key.split('/').map(escapeSegment).join('/')}`;
  }

  /** A signed request; the timeout covers the wait for the response headers, not the body's transfer. */
  private async request(method: 'GET' | 'PUT' | 'DELETE', key: string, init: { body?: Buffer; headers?: Record<string, string> } = {}): Promise<Response> {
    const url = this.objectUrl(key);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`S3 ${method} of ${key} timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
    try {
      return await this.client.fetch(url, { method, signal: controller.signal, ...(init.headers ? { headers: init.headers } : {}), ...(init.body ? { body: new Uint8Array(init.body) } : {}) });
    } finally {
      clearTimeout(timer);
    }
  }
}
