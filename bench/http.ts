/** Small HTTP helpers on 127.0.0.1: free ports, one-off page fetches, waiting for a server. */
import { get } from 'node:http';
import { createServer, type Server } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Child, hasExited } from './children.js';
import { BenchError } from './errors.js';

/** The host every server of the benchmark listens on. */
export const HOST = '127.0.0.1';

/** A page as served: status, bytes and content type. */
export interface FetchedPage {
  status: number;
  body: Buffer;
  contentType: string;
  /** The Content-Encoding sent (br, gzip…), or null for an uncompressed body. */
  contentEncoding: string | null;
  headers: Record<string, string>;
}

function listenOnAnyPort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => resolve(server));
  });
}

/** `count` distinct free TCP ports on 127.0.0.1 (held together, then released). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => listenOnAnyPort()));
  const ports = servers.map((server) => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new BenchError('could not get a free TCP port');
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/**
 * GETs a URL once with node:http (which, unlike fetch, leaves compressed bodies as sent) and
 * returns its status, bytes and headers. Without headers it asks for an uncompressed body.
 */
export function fetchPage(url: string, options: { headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<FetchedPage> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: options.headers ?? { 'accept-encoding': 'identity' }, agent: false, timeout: options.timeoutMs ?? 10_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', reject);
      response.once('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks),
          contentType: header(response.headers['content-type']) ?? 'application/octet-stream',
          contentEncoding: header(response.headers['content-encoding']) ?? null,
          headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, header(v) ?? ''])),
        }),
      );
    });
    request.once('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs ?? 10_000} ms`)));
    request.once('error', reject);
  });
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** How to wait for a server. */
export interface WaitOptions {
  url: string;
  child: Child;
  timeoutMs: number;
  intervalMs?: number;
}

/** Polls `url` until it answers 200; fails if the child exits or the timeout passes. */
export async function waitFor200(options: WaitOptions): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    if (hasExited(options.child)) throw new BenchError(`${options.child.name} exited (code ${String(options.child.process.exitCode)}) before answering on ${options.url}; see ${options.child.logLabel}`);
    try {
      const page = await fetchPage(options.url, { timeoutMs: 2_000 });
      if (page.status === 200) return;
      last = `status ${page.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(options.intervalMs ?? 25);
  }
  throw new BenchError(`${options.child.name} did not answer 200 on ${options.url} within ${options.timeoutMs / 1000} s (last: ${last}); see ${options.child.logLabel}`);
}
