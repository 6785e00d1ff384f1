/** The machine and code a benchmark ran on, for the report. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arch, cpus, loadavg, release, totalmem, type } from 'node:os';

/** Where the figures come from. */
export interface MachineDescription {
  cpuModel: string;
  cpuCount: number;
  /** Total RAM in bytes. */
  memoryBytes: number;
  node: string;
  os: string;
  /** Load averages (1, 5, 15 min) when the run started: other work on the machine skews figures. */
  loadAverage: number[];
  /** The commit measured, with "+ uncommitted changes" when the tree differs from it. */
  commit: string;
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty} (${type()} ${release()}, ${arch()})`;
  } catch {
    // Not Linux, or no os-release: the kernel name is enough.
  }
  return `${type()} ${release()} (${arch()})`;
}

function gitCommit(root: string): string {
  try {
    const run = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = run(['rev-parse', '--short=12', 'HEAD']);
    const dirty = run(['status', '--porcelain', '--untracked-files=no']) !== '';
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** Describes this machine and the checkout at `root`. */
export function describeMachine(root: string): MachineDescription {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cpuCount: list.length,
    memoryBytes: totalmem(),
    node: process.version,
    os: osName(),
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    commit: gitCommit(root),
  };
}

/** One Markdown line describing the machine. */
export function machineLine(m: MachineDescription): string {
  return `${m.cpuCount} × ${m.cpuModel}, ${(m.memoryBytes / 1024 ** 3).toFixed(1)} GiB RAM, ${m.os}, Node ${m.node}; load average at start ${m.loadAverage.join(' / ')}; commit ${m.commit}`;
}
