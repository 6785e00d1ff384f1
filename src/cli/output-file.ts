/** Where an export goes: a file written whole (temporary name, then renamed) or stdout. */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';

/** A text destination with back-pressure, closed once at the end. */
export interface TextOutput {
  write(chunk: string): Promise<void>;
  /** Finishes the output (renames the file into place). */
  close(): Promise<void>;
  /** Drops a half-written file after a failure. */
  abort(): Promise<void>;
}

function writer(stream: Writable): (chunk: string) => Promise<void> {
  return (chunk) =>
    new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      stream.once('error', onError);
      const done = () => {
        stream.off('error', onError);
        resolve();
      };
      if (stream.write(chunk)) done();
      else stream.once('drain', done);
    });
}

/** An output to a file (never seen half-written under its name) or, without a path, to stdout. */
export function openOutput(path: string | undefined): TextOutput {
  if (path === undefined || path === '-') {
    return { write: writer(process.stdout), close: async () => undefined, abort: async () => undefined };
  }
  const temporary = `${path}.${process.pid}.part`;
  const stream = createWriteStream(temporary, { encoding: 'utf8' });
  const finished = new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', reject);
  });
  return {
    write: writer(stream),
    async close() {
      stream.end();
      await finished;
      await rename(temporary, path);
    },
    async abort() {
      stream.destroy();
      await rm(temporary, { force: true });
    },
  };
}
