/** Small HTTP helpers on 127.0.0.1: free ports, one-off page fetches, waiting for a server. */
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

/** GETs a URL once, uncompressed, and returns its status, bytes and content type. */
export async function fetchPage(url: string, timeoutMs = 10_000): Promise<FetchedPage> {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' }, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, body, contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
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
      const page = await fetchPage(options.url, 2_000);
      if (page.status === 200) return;
      last = `status ${page.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(options.intervalMs ?? 25);
  }
  throw new BenchError(`${options.child.name} did not answer 200 on ${options.url} within ${options.timeoutMs / 1000} s (last: ${last}); see ${options.child.logLabel}`);
}
