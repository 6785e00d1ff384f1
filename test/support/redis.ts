/**
 * The Redis server of the test run (127.0.0.1:6379, TEST_REDIS_URL overrides). In CI it is
 * mandatory; elsewhere the Redis half of a suite skips with a visible message.
 */
import { createConnection } from 'node:net';
import { IN_CI } from './postgres.js';

/** Where tests find Redis. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether Redis answers PING (a raw socket: no client library needed to ask). */
export async function redisAvailable(): Promise<boolean> {
  const url = new URL(TEST_REDIS_URL);
  return new Promise((resolve) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** Whether the Redis half runs: always in CI (a missing server then fails), elsewhere when it answers. */
export async function redisRequired(): Promise<{ run: boolean; reason: string }> {
  if (IN_CI) return { run: true, reason: '' };
  const up = await redisAvailable();
  if (!up) process.stdout.write(`\n⚠ Redis does not answer at ${TEST_REDIS_URL}: the Redis half of the rate-limit suite is SKIPPED.\n\n`);
  return { run: up, reason: up ? '' : `no Redis at ${TEST_REDIS_URL}, skipped` };
}
