/** Runs the built `depeche` command as a child process, like an operator would. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root.js';

/** The built CLI. */
export const CLI = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'depeche.js');

/** What a run printed and how it ended. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `depeche ARGS` with a clean environment; resolves when it exits (or prints `until`). */
export function run(args: string[], env: Record<string, string> = {}, options: { until?: RegExp; timeoutMs?: number } = {}): Promise<Run & { kill(): void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`depeche ${args.join(' ')} timed out; stdout: ${stdout}; stderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    const done = (code: number | null) => {
      clearTimeout(timer);
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

