/**
 * Where media files live: a port, with the local disk as the default implementation and an
 * S3-compatible bucket for several nodes (s3-media-storage.ts). Keys are relative paths such as
 * "2025/12/abc-800.webp"; names are content-addressed, so a key's bytes never change.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

/** A stored file being read. */
export interface MediaObject {
  body: Readable;
  /** Size in bytes, when the storage knows it. */
  size?: number;
  contentType?: string;
  /** The storage's entity tag, when it has one (for conditional requests). */
  etag?: string;
}

/** Stores media files by key. */
export interface MediaStorage {
  /** Stores (or replaces) the file of `key`; readers never see half a file. */
  put(key: string, bytes: Buffer, contentType?: string): Promise<void>;
  /** The file of `key`, or undefined when there is none. */
  get(key: string): Promise<MediaObject | undefined>;
  /** Removes the file of `key`; nothing happens when there is none. */
  delete(key: string): Promise<void>;
}

/** Whether a key is a safe relative path: no empty, "." or ".." segment, no backslash or control character. */
export function isValidMediaKey(key: string): boolean {
  if (key.length === 0 || key.length > 1024 || key.startsWith('/') || key.includes('\\')) return false;
  if (/[\u0000-\u001f\u007f]/.test(key)) return false;
  return key.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** Media files in a folder of the local disk. */
export class LocalDiskStorage implements MediaStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  }

  async get(key: string): Promise<MediaObject | undefined> {
    const path = this.pathOf(key);
    try {
      const info = await stat(path);
      if (!info.isFile()) return undefined;
      return { body: createReadStream(path), size: info.size };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  private pathOf(key: string): string {
    const target = resolve(join(this.root, key));
    if (!isValidMediaKey(key) || !target.startsWith(this.root + sep)) throw new Error(`media key escapes the media folder: ${key}`);
    return target;
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}
