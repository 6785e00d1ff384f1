/**
 * The primary process of `depeche serve --workers N`. It serves nothing itself: it starts N
 * workers that listen on the same port (the cluster module hands them connections in turn),
 * passes cache invalidations between them when there is no Redis, starts a new worker when
 * one dies (after a growing delay, so a worker that keeps failing is no crash loop), and on
 * SIGINT or SIGTERM stops every worker gracefully before leaving.
 */
import cluster, { type Worker } from 'node:cluster';
import { relayInvalidations } from '../services/cache/cluster-invalidation-bus.js';

/** What {@link runCluster} needs. */
export interface ClusterOptions {
  workers: number;
  /** Called once, when every first worker listens. */
  onReady(port: number): void;
}

const FIRST_RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 30_000;
/** A worker that lived this long died of something new: its restart delay starts over. */
const STABLE_AFTER_MS = 60_000;
/** How long workers get to finish their requests on shutdown before they are killed. */
const STOP_GRACE_MS = 10_000;

/** The delay before restarting a worker that died `deaths` times in a row: 1 s, 2 s, 4 s… 30 s at most. */
export function restartDelay(deaths: number): number {
  return Math.min(FIRST_RESTART_DELAY_MS * 2 ** Math.max(0, deaths - 1), MAX_RESTART_DELAY_MS);
}

/** One place in the cluster; its worker is replaced when it dies. */
interface Slot {
  number: number;
  worker: Worker | undefined;
  startedAt: number;
  /** Deaths in a row, each soon after its start. */
  deaths: number;
  ready: boolean;
  restart: NodeJS.Timeout | undefined;
}

/** Runs the cluster until SIGINT or SIGTERM (or a worker that cannot start); resolves once every worker has stopped. */
export function runCluster(options: ClusterOptions): Promise<void> {
  return new Promise((resolve) => {
    const stopRelay = relayInvalidations(cluster);
    const args = process.argv.slice(2);
    const slots: Slot[] = Array.from({ length: options.workers }, (_, i) => ({ number: i + 1, worker: undefined, startedAt: 0, deaths: 0, ready: false, restart: undefined }));
    let starting = true;
    let stopping = false;
    let killTimer: NodeJS.Timeout | undefined;

    const start = (slot: Slot) => {
      // Each worker runs this same command, told which slot it fills (slot 1 runs the scheduler).
      cluster.setupPrimary({ args: [...args, '--worker-slot', String(slot.number)] });
      const worker = cluster.fork();
      Object.assign(slot, { worker, startedAt: Date.now(), ready: false });
      worker.on('listening', (address) => {
        slot.ready = true;
        process.stdout.write(`Worker ${slot.number} (pid ${worker.process.pid}) is ready.\n`);
        if (starting && slots.every((s) => s.ready)) {
          starting = false;
          options.onReady(address.port);
        }
      });
      worker.on('exit', (code, signal) => {
        if (slot.worker === worker) slot.worker = undefined;
        if (stopping) {
          if (slots.every((s) => s.worker === undefined)) finish();
          return;
        }
        const how = code !== null ? `exit code ${code}` : `signal ${signal}`;
        if (starting && !slot.ready) {
          // A first worker that cannot start (port taken, database unreachable…) would fail again.
          process.stderr.write(`depeche: worker ${slot.number} could not start (${how}); stopping.\n`);
          process.exitCode = 1;
          stop();
          return;
        }
        slot.deaths = Date.now() - slot.startedAt >= STABLE_AFTER_MS ? 1 : slot.deaths + 1;
        const delay = restartDelay(slot.deaths);
        process.stderr.write(`depeche: worker ${slot.number} (pid ${worker.process.pid}) stopped (${how}); starting a new one in ${delay / 1000} s.\n`);
        slot.restart = setTimeout(() => {
          slot.restart = undefined;
          if (!stopping) start(slot);
        }, delay);
      });
    };

    const stop = () => {
      if (stopping) return;
      stopping = true;
      for (const slot of slots) clearTimeout(slot.restart);
      const live = slots.flatMap((s) => (s.worker === undefined ? [] : [s.worker]));
      if (live.length === 0) return finish();
      // Each worker closes its server (finishing its requests), its scheduler and its connections.
      for (const worker of live) worker.process.kill('SIGTERM');
      killTimer = setTimeout(() => {
        for (const worker of live) if (worker.process.exitCode === null && worker.process.signalCode === null) worker.process.kill('SIGKILL');
      }, STOP_GRACE_MS);
    };

    const finish = () => {
      clearTimeout(killTimer);
      stopRelay();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };

    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    for (const slot of slots) start(slot);
  });
}
