/** Static assets of the public site and their cache-busting URLs. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';

/** The `public/` folder of the project. */
export const PUBLIC_DIR = join(PROJECT_ROOT, 'public');

/** URL of the site stylesheet, versioned by its content so it can be cached for a year. */
export function stylesheetUrl(): string {
  const css = readFileSync(join(PUBLIC_DIR, 'static', 'site.css'));
  return `/static/site.css?v=${createHash('sha256').update(css).digest('hex').slice(0, 10)}`;
}
