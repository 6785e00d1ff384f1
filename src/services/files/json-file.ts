/**
 * Reads an imported JSON file (Ghost export, Dépêche backup) whole, under a size limit.
 * These files are single JSON documents; reading them whole keeps the readers simple, and
 * the limit (IMPORT_MAX_MB, 256 MB by default) keeps the parse within Node's memory.
 */
import { open } from 'node:fs/promises';
import { DepecheError } from '../../errors.js';

/** The default largest file an import reads. */
export const DEFAULT_IMPORT_MAX_BYTES = 256 * 1024 * 1024;

/** A size limit in megabytes, for messages ("256"; two decimals under 1 MB). */
export function megabytes(bytes: number): number {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? Math.round(mb) : Math.round(mb * 100) / 100;
}

/** Reads a file's bytes, refusing it when larger than `maxBytes`. */
export async function readLimitedFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new DepecheError('DEPECHE_IMPORT_FILE', { path, detail: code === 'ENOENT' ? 'no such file' : code || 'unknown error' });
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new DepecheError('DEPECHE_IMPORT_TOO_LARGE', { limit: megabytes(maxBytes) });
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Parses JSON text, with a clear message when it is not JSON (e.g. a file cut short). */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const truncated = /end of (JSON )?input|Unterminated/i.test(detail);
    throw new DepecheError('DEPECHE_IMPORT_REFUSED', { detail: truncated ? `the JSON ends too early (file cut short?): ${detail}` : `this is not valid JSON: ${detail}` });
  }
}

/** Reads and parses a JSON file under the size limit. */
export async function readJsonFile(path: string, maxBytes = DEFAULT_IMPORT_MAX_BYTES): Promise<unknown> {
  return parseJsonText((await readLimitedFile(path, maxBytes)).toString('utf8'));
}
