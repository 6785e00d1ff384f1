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

/** An image of the site itself: its path under /static and its size. */
export interface SiteImage {
  path: string;
  width: number;
  height: number;
  type: string;
}

/** The publisher's logo (square): JSON-LD publisher, feed icons. */
export const LOGO: SiteImage = { path: '/static/logo.png', width: 512, height: 512, type: 'image/png' };

/** The preview image of pages without a picture of their own (OpenGraph, Twitter, Atom logo). */
export const SOCIAL_IMAGE: SiteImage = { path: '/static/social.png', width: 1200, height: 630, type: 'image/png' };

/** The favicon. */
export const FAVICON_PATH = '/static/favicon.svg';
