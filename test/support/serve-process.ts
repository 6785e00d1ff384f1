/**
 * A running `depeche serve` (the built CLI) for multi-process tests: its output as it comes,
 * waits on it, plain HTTP to it (each request on its own connection unless told otherwise),
 * and which process holds a connection (Linux /proc), to see which worker answered.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import http from 'node:http';
import { CLI } from './cli-runner.js';

/** A `depeche serve` child process. */
export interface ServeProcess {
  child: ChildProcess;
  /** Everything printed on stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Waits until stdout (or stderr) matches; returns the match. */
  waitFor(pattern: RegExp, timeoutMs?: number, stream?: 'stdout' | 'stderr'): Promise<RegExpMatchArray>;
  /** Sends a signal and waits for the exit; resolves with the exit code (null: killed by a signal). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

/** Starts `depeche serve …args` with a clean environment plus `env`. */
export function startServe(args: string[], env: Record<string, string>): ServeProcess {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    async waitFor(pattern, timeoutMs = 60_000, stream = 'stdout') {
      const start = Date.now();
      for (;;) {
        const match = (stream === 'stdout' ? stdout : stderr).match(pattern);
        if (match) return match;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`depeche serve exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}; stdout: ${stdout}; stderr: ${stderr}`);
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${pattern}; stdout: ${stdout}; stderr: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async stop(signal = 'SIGTERM', timeoutMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** An HTTP answer. */
export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The client's port of the connection (to find who served it). */
  localPort: number;
}

/** One request on a fresh connection; with `keepOpen`, the connection stays open until `agent.destroy()`. */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: options.agent ?? false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, localPort: req.socket?.localPort ?? 0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error(`request to ${url} timed out`)));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/**
 * Which of `pids` holds the server side of the TCP connection from local port `clientPort` to
 * `serverPort` (Linux: /proc/net/tcp gives the socket's inode, /proc/PID/fd who has it).
 */
export function connectionOwner(clientPort: number, serverPort: number, pids: readonly number[]): number | undefined {
  const hexPort = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');
  let inode: string | undefined;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      const local = fields[1]!.split(':').pop();
      const remote = fields[2]!.split(':').pop();
      if (local === hexPort(serverPort) && remote === hexPort(clientPort)) inode = fields[9];
    }
  }
  if (inode === undefined) return undefined;
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

/** Whether a process is alive. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
