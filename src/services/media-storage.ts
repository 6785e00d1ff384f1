/** Where media files live: a port, with the local disk as the default implementation. */
import { mkdir, writeFile, rename } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/** Stores media files by key (a relative path such as "2025/12/abc-800.webp"). */
export interface MediaStorage {
  put(key: string, bytes: Buffer): Promise<void>;
}

/** Media files in a folder of the local disk. */
export class LocalDiskStorage implements MediaStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = resolve(join(this.root, key));
    if (!target.startsWith(this.root + sep)) throw new Error(`media key escapes the media folder: ${key}`);
    await mkdir(dirname(target), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  }
}
