/** Runs the built `depeche` command as a child process, like an operator would. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root.js';

/** The built CLI (`npm test` builds first). */
export const CLI = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'depeche.js');

/** The outcome of a run. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  kill(): void;
}

/** Runs `depeche …args`; with `until`, resolves as soon as stdout matches (the process keeps running). */
export function runCli(args: string[], env: Record<string, string> = {}, options: { until?: RegExp; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      if (!settled) reject(new Error(`depeche ${args.join(' ')} timed out; stdout: ${stdout}; stderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    const done = (code: number | null) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      resolve({ code, stdout, stderr, kill: () => child.kill('SIGTERM') });
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.until?.test(stdout)) done(null);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done(code));
  });
}
