/**
 * The ceiling: a bare node:http server answering each known path with fixed bytes from memory.
 * Usage: node ceiling-server.js <port> (<url-path> <body-file> <content-type>)…
 * It exits on SIGTERM/SIGINT and when its stdin closes (its parent is gone).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

interface Route {
  body: Buffer;
  headers: Record<string, string>;
}

function parseRoutes(args: string[]): Map<string, Route> {
  if (args.length === 0 || args.length % 3 !== 0) throw new Error('usage: ceiling-server <port> (<url-path> <body-file> <content-type>)…');
  const routes = new Map<string, Route>();
  for (let i = 0; i < args.length; i += 3) {
    const [path = '', file = '', contentType = ''] = args.slice(i, i + 3);
    const body = readFileSync(file);
    routes.set(path, { body, headers: { 'content-type': contentType, 'content-length': String(body.length) } });
  }
  return routes;
}

function handler(routes: Map<string, Route>): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const route = routes.get(req.url ?? '');
    if (route === undefined) {
      res.writeHead(404, { 'content-length': '0' }).end();
      return;
    }
    res.writeHead(200, route.headers).end(route.body);
  };
}

const [portArg = '', ...routeArgs] = process.argv.slice(2);
const server = createServer(handler(parseRoutes(routeArgs)));
const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdin.once('close', stop).resume();
server.listen(Number(portArg), '127.0.0.1', () => process.stdout.write(`ceiling listening on 127.0.0.1:${portArg}\n`));
