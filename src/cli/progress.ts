/** Progress bars of long commands, on stderr (stdout may carry an export) and only on a terminal. */

/** A progress bar writer: call with a label, how many are done and the total. */
export type Progress = (label: string, done: number, total: number) => void;

/** A bar drawn on `stream` when it is a terminal; silent otherwise (logs, pipes, tests). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress & { end(): void } {
  let last = '';
  let shown = false;
  const draw = (label: string, done: number, total: number): void => {
    if (!stream.isTTY) return;
    const width = 30;
    const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : width;
    const line = `  ${label.padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
    if (line === last) return;
    if (shown && !line.startsWith(`  ${label.padEnd(12)}`) && !last.startsWith(`  ${label.padEnd(12)}`)) stream.write('\n');
    stream.write(`\r${line}`);
    last = line;
    shown = true;
  };
  return Object.assign(draw, {
    end() {
      if (shown && stream.isTTY) stream.write('\n');
      shown = false;
      last = '';
    },
  });
}

/** A progress bar on stdout for commands that print nothing else (serve, demo, reindex); silent off a terminal. */
export function progress(done: number, total: number): void {
  if (!process.stdout.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stdout.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
}
