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
  /** How busy the machine was when the run started: other work skews the figures. */
  load: MachineLoad;
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

/** How busy the machine is: load averages and CPU pressure. */
export interface MachineLoad {
  /** Load averages over 1, 5 and 15 minutes. */
  loadAverage: number[];
  /** Linux PSI: share of the last 60 s in which some task waited for a CPU, in percent (null elsewhere). */
  cpuPressurePercent: number | null;
}

/** The machine's load now. */
export function machineLoad(): MachineLoad {
  let cpuPressurePercent: number | null = null;
  try {
    const avg60 = /^some .*avg60=([\d.]+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1];
    if (avg60 !== undefined) cpuPressurePercent = Number(avg60);
  } catch {
    // No PSI (not Linux, or an old kernel).
  }
  return { loadAverage: loadavg().map((x) => Math.round(x * 100) / 100), cpuPressurePercent };
}

/** One line comparing the load at the start and the end of a run. */
export function loadLine(start: MachineLoad, end: MachineLoad): string {
  const psi = (l: MachineLoad) => (l.cpuPressurePercent === null ? 'n/a' : `${l.cpuPressurePercent.toFixed(0)} %`);
  return `load average ${start.loadAverage.join(' / ')} at the start, ${end.loadAverage.join(' / ')} at the end; CPU pressure (share of the last minute some task waited for a CPU) ${psi(start)} at the start, ${psi(end)} at the end — on an idle machine both are near 0`;
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
    load: machineLoad(),
    commit: gitCommit(root),
  };
}

/** One Markdown line describing the machine. */
export function machineLine(m: MachineDescription): string {
  return `${m.cpuCount} × ${m.cpuModel}, ${(m.memoryBytes / 1024 ** 3).toFixed(1)} GiB RAM, ${m.os}, Node ${m.node}; commit ${m.commit}`;
}
