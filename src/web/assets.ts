/** Static assets of the public site and their cache-busting URLs. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';

/** The `public/` folder of the project. */
export const PUBLIC_DIR = join(PROJECT_ROOT, 'public');

/** URL of a static file, versioned by its content so it can be cached for a year. */
export function versionedUrl(name: string): string {
  const bytes = readFileSync(join(PUBLIC_DIR, 'static', name));
  return `/static/${name}?v=${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}`;
}

/** URL of the site stylesheet, versioned by its content so it can be cached for a year. */
export function stylesheetUrl(): string {
  return versionedUrl('site.css');
}
