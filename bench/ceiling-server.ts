/**
 * The ceiling: a bare node:http server answering every GET with the same bytes from memory
 * (the article page as the app sent it), keep-alive like any node:http server. Given a
 * compressed copy, it sends that one to requests whose Accept-Encoding names its encoding.
 * With --workers N it runs N such processes on one port (node:cluster), as `serve --workers N`.
 * Usage: node ceiling-server.js --port P --body FILE --type CONTENT-TYPE
 *          [--encoded FILE --encoding br|gzip] [--workers N]
 * It exits on SIGTERM/SIGINT and when its stdin closes (its parent is gone).
 */
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { port: { type: 'string' }, body: { type: 'string' }, type: { type: 'string' }, encoded: { type: 'string' }, encoding: { type: 'string' }, workers: { type: 'string', default: '1' } },
});
const workers = Number(args.workers);
if (args.port === undefined || args.body === undefined || args.type === undefined || (args.encoded === undefined) !== (args.encoding === undefined) || !(workers >= 1)) {
  process.stderr.write('usage: ceiling-server --port P --body FILE --type CONTENT-TYPE [--encoded FILE --encoding E] [--workers N]\n');
  process.exit(2);
}
const contentType = args.type;
const encoding = args.encoding ?? '';

/** A body ready to send, with its headers. */
function response(file: string, contentEncoding: string | null): { body: Buffer; headers: Record<string, string> } {
  const body = readFileSync(file);
  const headers: Record<string, string> = { 'content-type': contentType, 'content-length': String(body.length) };
  if (args.encoded !== undefined) headers.vary = 'accept-encoding';
  if (contentEncoding !== null) headers['content-encoding'] = contentEncoding;
  return { body, headers };
}

function serve(): void {
  const plain = response(args.body ?? '', null);
  const encoded = args.encoded === undefined ? null : response(args.encoded, encoding);
  const server = createServer((request, reply) => {
    const chosen = encoded !== null && (request.headers['accept-encoding'] ?? '').includes(encoding) ? encoded : plain;
    reply.writeHead(200, chosen.headers).end(chosen.body);
  });
  const stop = (): void => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  if (cluster.isPrimary) process.stdin.once('close', stop).resume();
  server.listen(Number(args.port), '127.0.0.1', () => process.stdout.write(`ceiling listening on 127.0.0.1:${args.port} (pid ${process.pid})\n`));
}

if (workers === 1 || cluster.isWorker) {
  serve();
} else {
  for (let i = 0; i < workers; i++) cluster.fork();
  const stop = (): void => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  cluster.on('exit', () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdin.once('close', stop).resume();
}
