/** Finds the local copy of a WordPress upload: the URL's path after /wp-content/uploads/, under the given folder. */
import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** A function from an attachment's URL to its file under `dir`, or undefined when absent. */
export function uploadsLocator(dir: string): (url: string) => string | undefined {
  const root = resolve(dir);
  return (url) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(url).pathname);
    } catch {
      return undefined;
    }
    const at = path.indexOf('/wp-content/uploads/');
    const relative = at >= 0 ? path.slice(at + '/wp-content/uploads/'.length) : undefined;
    if (relative === undefined || relative === '') return undefined;
    const file = resolve(join(root, relative));
    // Never outside the folder, whatever the URL says ("../").
    if (!file.startsWith(root + sep)) return undefined;
    return existsSync(file) && statSync(file).isFile() ? file : undefined;
  };
}
