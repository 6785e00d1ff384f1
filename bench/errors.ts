/** The benchmark's expected failures: reported as one line, exit code 1. */

/** A failure the benchmark explains in one line (no stack trace). */
export class BenchError extends Error {
  override readonly name = 'BenchError';
}

/** The first line of any error's message, for a one-line report. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
