/**
 * The XSS payload corpus of ../shared/testdata/xss (see its PROVENANCE.md): every list, read
 * as UTF-8 without trimming, one payload per line (multi-line vectors kept whole), plus
 * payloads built from the event-handler name lists. Outside CI a missing folder skips the
 * suite with a visible message; in CI it is present.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { IN_CI } from './postgres.js';

/** Where the corpus lives. */
export const XSS_DIR = resolve(PROJECT_ROOT, '..', 'shared', 'testdata', 'xss');

/** Whether the corpus suite runs. */
export const XSS_AVAILABLE = IN_CI || existsSync(XSS_DIR);

/** A payload and the file it came from. */
export interface Payload {
  source: string;
  text: string;
}

// Lists of event-handler names (not payloads) and JSONP endpoints (for CSP review).
const NAME_LISTS = new Set(['0xcela_event_handlers.txt', 'port_swigger_xss_cheatsheet_event_handlers.txt']);
const NOT_PAYLOADS = new Set(['jsonp_endpoint.txt']);

function lines(file: string): string[] {
  // CRLF files end their lines with \r: that is the line end, not part of the payload.
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
    .filter((l) => l.trim() !== '');
}

/** Every payload of the corpus, de-duplicated, with how many were read in all. */
export function loadXssCorpus(): { payloads: Payload[]; read: number } {
  if (!existsSync(XSS_DIR)) throw new Error(`the XSS corpus is required in CI but is missing at ${XSS_DIR}`);
  const all: Payload[] = [];
  all.push(...lines(join(XSS_DIR, 'payloadbox', 'xss-payload-list.txt')).map((text) => ({ source: 'payloadbox', text })));
  const intruders = join(XSS_DIR, 'payloadsallthethings', 'intruders');
  for (const name of readdirSync(intruders).sort()) {
    if (!name.endsWith('.txt') || NOT_PAYLOADS.has(name)) continue;
    const list = lines(join(intruders, name));
    if (NAME_LISTS.has(name)) {
      for (const handler of list.map((l) => l.trim()).filter((l) => /^on\w+$/i.test(l))) {
        all.push({ source: name, text: `<img src=x ${handler}="window.__xssRan=1;alert(1)">` });
        all.push({ source: name, text: `<svg ${handler}=alert(1) xmlns="http://www.w3.org/2000/svg"><rect width=10 height=10 /></svg>` });
      }
    } else {
      all.push(...list.map((text) => ({ source: `payloadsallthethings/${name}`, text })));
    }
  }
  const svgDir = join(XSS_DIR, 'payloadsallthethings', 'svg');
  if (existsSync(svgDir)) for (const name of readdirSync(svgDir).sort()) if (name.endsWith('.svg')) all.push({ source: `svg/${name}`, text: readFileSync(join(svgDir, name), 'utf8') });
  const owasp = JSON.parse(readFileSync(join(XSS_DIR, 'owasp', 'owasp-xss-filter-evasion-vectors.json'), 'utf8')) as { vector: string }[];
  all.push(...owasp.map((v) => ({ source: 'owasp', text: v.vector })));
  const dompurify = JSON.parse(readFileSync(join(XSS_DIR, 'dompurify', 'expect.json'), 'utf8')) as { payload: string }[];
  all.push(...dompurify.map((v) => ({ source: 'dompurify', text: v.payload })));
  const seen = new Set<string>();
  const payloads = all.filter((p) => p.text.trim() !== '' && !seen.has(p.text) && seen.add(p.text));
  return { payloads, read: all.length };
}
