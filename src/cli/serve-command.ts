/**
 * `depeche serve`: one process, or with `--workers N` a cluster of N processes on one port
 * (serve-cluster.ts). Migrations, the first-start demo and the server secret are done once,
 * before any worker starts.
 */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { DepecheError } from '../errors.js';
import { loadDemo } from '../services/demo/load-demo.js';
import { Scheduler } from '../services/scheduler.js';
import { buildServer } from '../web/server.js';
import { openApp, type OpenApp } from './open-app.js';
import { progress } from './progress.js';
import { action, reportError } from './run-command.js';
import { runCluster } from './serve-cluster.js';

/** Settings key recording that the demo was loaded (so a first start loads it once). */
export const DEMO_DONE_KEY = 'demo.loaded_at';

/** Most workers one host may ask for. */
const MAX_WORKERS = 256;

interface ServeOptions {
  port?: string;
  host?: string;
  demoOnFirstStart?: boolean;
  workers?: string;
  workerSlot?: string;
}

/** Adds `serve` to the program. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Migrate the database and serve the site (PORT, HOST, DATABASE_URL… from the environment).')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('--host <host>', 'address to listen on (overrides HOST)')
    .option('--demo-on-first-start', 'load the demo content when the database has never been initialised')
    .option('--workers <n>', 'processes serving the site on this host (default: the number of CPUs when NODE_ENV=production, else 1)')
    // Set by the primary for each worker it starts: which slot the worker fills.
    .addOption(new Option('--worker-slot <n>').hideHelp())
    .action(
      action(async (options: ServeOptions) => {
        if (cluster.isWorker) return serveAsWorker(options);
        const requested = requestedWorkers(options.workers);
        const app = await openApp({ PORT: options.port, HOST: options.host });
        const workers = requested ?? (app.config.production ? Math.min(availableParallelism(), MAX_WORKERS) : 1);
        try {
          await prepare(app, options);
        } catch (error) {
          await app.handle.close();
          throw error;
        }
        if (workers === 1) return serveHere(app, { scheduler: true, inCluster: false });
        const { config, handle } = app;
        await handle.close();
        await runCluster({
          workers,
          onReady: (port) => process.stdout.write(`Dépêche is serving ${config.siteName} at ${siteAddress(config.host, port)} with ${workers} workers (database: ${handle.dialect}).\n`),
        });
      }),
    );
}

/** The number of processes --workers asks for (undefined: the default, the CPU count in production, else 1). */
function requestedWorkers(option: string | undefined): number | undefined {
  if (option === undefined) return undefined;
  const count = /^\d{1,3}$/.test(option.trim()) ? Number(option.trim()) : NaN;
  if (!(count >= 1 && count <= MAX_WORKERS)) throw new DepecheError('DEPECHE_CLI_USAGE', { detail: `--workers must be a whole number from 1 to ${MAX_WORKERS} (got "${option}")` });
  return count;
}

/** What runs once per start, whatever the number of workers. */
async function prepare(app: OpenApp, options: ServeOptions): Promise<void> {
  const { services } = app;
  if (app.appliedMigrations.length > 0) process.stdout.write(`Database migrated (${app.appliedMigrations.join(', ')}).\n`);
  if (options.demoOnFirstStart && (await services.ctx.repos.settings.get(DEMO_DONE_KEY)) === undefined && (await services.ctx.repos.articles.count()) === 0) {
    process.stdout.write('First start: loading the demo content…\n');
    const report = await loadDemo(services, { onArticle: progress });
    await services.ctx.repos.settings.set(DEMO_DONE_KEY, new Date().toISOString(), Date.now());
    process.stdout.write(`\nDemo loaded: ${report.articles} articles, ${report.comments} comments, ${report.authors} authors, ${report.categories} categories.\n`);
  }
  if ((await services.ctx.repos.users.countCanLogIn()) === 0) {
    process.stdout.write('No staff account can log in yet. Create the first administrator with:\n  npx depeche user create --email you@example.org --name "Your Name" --role administrator\nthen log in at /admin/ with the password it prints.\n');
  }
  // The server secret exists before the first request (generated and stored on a first start).
  await services.ctx.secrets.key('comment-form');
}

/** A worker of `serve --workers N`: its primary has migrated the database already. */
async function serveAsWorker(options: ServeOptions): Promise<void> {
  try {
    const app = await openApp({ PORT: options.port, HOST: options.host }, { migrate: false });
    // One worker per host runs the scheduler: N timers querying the same schedule would only
    // multiply the queries. Several hosts each run one; the database lock and claim keep it once.
    await serveHere(app, { scheduler: options.workerSlot === '1', inCluster: true });
  } catch (error) {
    // Reported like any CLI failure; then the worker leaves (its IPC channel would keep it alive).
    process.exit(reportError(error));
  }
}

/** Serves the site from this process until SIGINT or SIGTERM (or, in a worker, until its primary is gone). */
async function serveHere(app: OpenApp, role: { scheduler: boolean; inCluster: boolean }): Promise<void> {
  const { config, services, handle } = app;
  const server = await buildServer({ config, services });
  const scheduler = role.scheduler
    ? new Scheduler(
        services.workflow,
        {
          onPublished: (ids) => server.log.info({ ids }, `published ${ids.length} scheduled article(s)`),
          onError: (error) => server.log.error({ err: error }, 'scheduler pass failed'),
        },
        config.schedulerIntervalMs,
      )
    : undefined;
  let closing: Promise<void> | undefined;
  const shutdown = () => {
    closing ??= (async () => {
      await scheduler?.stop();
      await server.close();
      await handle.close();
      // A worker's IPC channel would keep it alive: it leaves explicitly once everything is closed.
      if (role.inCluster) process.exit(0);
    })();
  };
  if (role.inCluster) {
    // `on`, not `once`: Ctrl-C reaches the primary and every worker, then the primary sends
    // SIGTERM; that second signal must not kill a worker in the middle of its shutdown.
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    // The primary is gone (killed): no one hands this worker connections any more.
    process.on('disconnect', shutdown);
  } else {
    // A second Ctrl-C stops a single process at once, as before.
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  }
  try {
    await server.listen({ port: config.port, host: config.host });
  } catch (error) {
    await scheduler?.stop();
    await handle.close();
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') throw new DepecheError('DEPECHE_PORT_IN_USE', { port: config.port });
    throw error;
  }
  // A signal that came while the server was starting has begun the shutdown: no timer after it.
  if (closing !== undefined) return;
  scheduler?.start();
  if (role.inCluster) return; // the primary announces the cluster once every worker listens
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  process.stdout.write(`Dépêche is serving ${config.siteName} at ${siteAddress(config.host, port)} (database: ${handle.dialect}).\n`);
}

function siteAddress(host: string, port: number): string {
  return `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${port}`;
}
