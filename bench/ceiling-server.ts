/**
 * The ceiling: a bare node:http server answering every GET with the same bytes from memory
 * (the article page as the app sent it), keep-alive like any node:http server. Given a
 * compressed copy, it sends that one to requests whose Accept-Encoding names its encoding.
 * Usage: node ceiling-server.js <port> <body-file> <content-type> [<encoded-file> <content-encoding>]
 * It exits on SIGTERM/SIGINT and when its stdin closes (its parent is gone).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [portArg = '', bodyFile = '', contentType = '', encodedFile = '', encoding = ''] = process.argv.slice(2);
if (bodyFile === '' || contentType === '' || (encodedFile !== '') !== (encoding !== '')) {
  process.stderr.write('usage: ceiling-server <port> <body-file> <content-type> [<encoded-file> <content-encoding>]\n');
  process.exit(2);
}

/** A body ready to send, with its headers. */
function response(file: string, contentEncoding: string | null): { body: Buffer; headers: Record<string, string> } {
  const body = readFileSync(file);
  const headers: Record<string, string> = { 'content-type': contentType, 'content-length': String(body.length) };
  if (encodedFile !== '') headers.vary = 'accept-encoding';
  if (contentEncoding !== null) headers['content-encoding'] = contentEncoding;
  return { body, headers };
}

const plain = response(bodyFile, null);
const encoded = encodedFile === '' ? null : response(encodedFile, encoding);

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
process.stdin.once('close', stop).resume();
server.listen(Number(portArg), '127.0.0.1', () => process.stdout.write(`ceiling listening on 127.0.0.1:${portArg}\n`));
