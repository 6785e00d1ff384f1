/** Tells an uploaded import file's kind from its first bytes: WordPress WXR, Ghost JSON or a Dépêche backup. */
import { open } from 'node:fs/promises';

/** The kinds of files the admin imports. */
export type ImportKind = 'wordpress' | 'ghost' | 'depeche-backup';

/** Bytes read to decide. */
const HEAD_BYTES = 64 * 1024;

/** The kind of a file's first bytes, or undefined when none fits. */
export function importKindOf(head: string): ImportKind | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return /<rss[\s>]/.test(text) && /xmlns:wp="http:\/\/wordpress\.org\/export\/1\.[0-2]\/"/.test(text) ? 'wordpress' : undefined;
  if (!text.startsWith('{')) return undefined;
  if (/^\{\s*"format"\s*:\s*"depeche-backup"/.test(text)) return 'depeche-backup';
  if (/^\{\s*"db"\s*:\s*\[/.test(text) || (/"meta"\s*:/.test(text) && /"data"\s*:/.test(text))) return 'ghost';
  return undefined;
}

/** The kind of a file on disk. */
export async function detectImportKind(path: string): Promise<ImportKind | undefined> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return importKindOf(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}
