/** Child processes of the benchmark: started with a log file, always stopped, never orphaned. */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';

/** A running (or finished) child process with its exit promise. */
export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** The log file as shown in messages (relative to the project root). */
  logLabel: string;
}

/** How to start a child process. */
export interface ChildOptions {
  name: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the child's stdout and stderr go (absolute). */
  logFile: string;
  /** The log file as shown in messages. */
  logLabel: string;
  /** Keep a pipe on the child's stdin so that it can notice when this process dies. */
  stdinPipe?: boolean;
}

const STOP_GRACE_MS = 5_000;
const live = new Set<Child>();

/** Starts `node <args>` with output to a log file; the child is tracked until it exits. */
export function startNode(options: ChildOptions): Child {
  const log = openSync(options.logFile, 'w');
  try {
    const proc = spawn(process.execPath, options.args, { cwd: options.cwd, env: options.env, stdio: [options.stdinPipe ? 'pipe' : 'ignore', log, log] });
    const exited = new Promise<number | null>((resolve) => {
      proc.once('exit', (code) => resolve(code));
      proc.once('error', () => resolve(proc.exitCode ?? -1));
    });
    const child: Child = { name: options.name, process: proc, exited, logLabel: options.logLabel };
    live.add(child);
    void exited.then(() => live.delete(child));
    return child;
  } finally {
    closeSync(log);
  }
}

/** Whether the child has exited. */
export function hasExited(child: Child): boolean {
  return child.process.exitCode !== null || child.process.signalCode !== null;
}

/** Stops a child: SIGTERM, then SIGKILL if it has not exited within a few seconds. */
export async function stopChild(child: Child): Promise<void> {
  if (hasExited(child)) return;
  child.process.kill('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(resolve, STOP_GRACE_MS, 'timeout').unref());
  if ((await Promise.race([child.exited, timer])) === 'timeout') {
    process.stderr.write(`bench: ${child.name} did not stop within ${STOP_GRACE_MS / 1000} s of SIGTERM; killing it\n`);
    child.process.kill('SIGKILL');
    await child.exited;
  }
}

/** Stops every child still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((child) => stopChild(child)));
}

/** Last resort on exit (synchronous): kills whatever is still running. */
export function killAllNow(): void {
  for (const child of live) if (!hasExited(child)) child.process.kill('SIGKILL');
}

/** Memory of a process (or a process tree) from Linux /proc: resident now and at its peak, in bytes. */
export interface ProcessMemory {
  rssBytes: number;
  /** For a tree, the sum of each process's own peak: an upper bound of the tree's peak. */
  peakRssBytes: number;
  /** Processes counted (1, or a cluster's primary and workers). */
  processes: number;
}

/** The process's resident memory now and at its peak, or null if unavailable (not Linux, exited). */
export function processMemory(pid: number | undefined): ProcessMemory | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    const rssBytes = kb('VmRSS');
    const peakRssBytes = kb('VmHWM');
    return Number.isFinite(rssBytes) && Number.isFinite(peakRssBytes) ? { rssBytes, peakRssBytes, processes: 1 } : null;
  } catch {
    return null;
  }
}

/** Process ids whose parent is `pid`, from /proc/<id>/stat (empty where /proc is missing). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return children;
  }
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (command) state ppid …": the command may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(name));
    } catch {
      // The process ended while the list was read.
    }
  }
  return children;
}

/** Memory of a process and all its descendants (a `serve --workers N` cluster), summed. */
export function processTreeMemory(pid: number | undefined): ProcessMemory | null {
  if (pid === undefined) return null;
  const root = processMemory(pid);
  if (root === null) return null;
  const total = { ...root };
  const queue = childrenOf(pid);
  while (queue.length > 0) {
    const child = queue.shift() ?? 0;
    const memory = processMemory(child);
    if (memory === null) continue;
    total.rssBytes += memory.rssBytes;
    total.peakRssBytes += memory.peakRssBytes;
    total.processes += 1;
    queue.push(...childrenOf(child));
  }
  return total;
}
