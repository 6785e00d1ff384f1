/** Runs a CLI action: expected failures become one clear line and a non-zero exit. */
import { ConfigError } from '../config.js';
import { DepecheError } from '../errors.js';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Prints an error the way the CLI reports it and returns the exit code to use. */
export function reportError(error: unknown, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): number {
  if (error instanceof ConfigError) {
    for (const p of error.problems) write(`depeche: invalid configuration: ${p.variable} ${p.problem}`);
    return EXIT.failure;
  }
  if (error instanceof DepecheError) {
    write(`depeche: ${error.messageIn('en')} [${error.code}]`);
    return error.code === 'DEPECHE_CLI_USAGE' ? EXIT.usage : EXIT.failure;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  write(`depeche: unexpected error, please report it: ${detail.split('\n')[0]}`);
  if (process.env.DEPECHE_DEBUG) write(detail);
  return EXIT.failure;
}

/** Wraps an async action so that it exits with a clear message on failure. */
export function action<Args extends unknown[]>(run: (...args: Args) => Promise<void>): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await run(...args);
    } catch (error) {
      process.exitCode = reportError(error);
    }
  };
}
