/**
 * Streaming parse of a WordPress export (WXR 1.0, 1.1, 1.2; http or https namespaces) into
 * small element trees, one per channel-level entry (author, category, tag, term, item), so
 * memory holds one item at a time whatever the file's size. XML is parsed strictly (saxes):
 * no DOCTYPE (so no entity expansion, no external entity), namespaces resolved by URI.
 * Input bytes must be UTF-8 (or a declared encoding the platform can decode); the only repair
 * is {@link AmpersandRepair}'s, counted for the report.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { DepecheError } from '../../errors.js';
import { AmpersandRepair } from './xml-ampersand-repair.js';

/** Namespaces of WXR by role; elements elsewhere are "other". */
export type WxrNamespace = 'wp' | 'excerpt' | 'content' | 'dc' | 'rss' | 'other';

/** An element of a channel entry: namespace role, local name, attributes, text, children. */
export interface WxrNode {
  ns: WxrNamespace;
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: WxrNode[];
}

/** What the parser reports as it goes. */
export interface WxrEvents {
  /** A channel-level entry (`wp:author`, `wp:category`, `item`…) fully read. */
  entry(node: WxrNode): void;
  /** A channel-level simple element (`wp:wxr_version`, `link`, `wp:base_site_url`…). */
  channelField(node: WxrNode): void;
}

const ENTRY_NAMES = new Set(['wp:author', 'wp:category', 'wp:tag', 'wp:term', 'rss:item']);

/** The role of a namespace URI. */
export function namespaceRole(uri: string): WxrNamespace {
  if (uri === '') return 'rss';
  if (/^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/$/.test(uri)) return 'wp';
  if (/^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/excerpt\/$/.test(uri)) return 'excerpt';
  if (/^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/.test(uri)) return 'content';
  if (/^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/.test(uri)) return 'dc';
  return 'other';
}

function refuse(detail: string): DepecheError {
  return new DepecheError('DEPECHE_IMPORT_REFUSED', { detail });
}

/** The encoding an XML declaration names, if any. */
function declaredEncoding(head: Buffer): string | null {
  const text = head.subarray(0, 200).toString('latin1');
  const m = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text);
  return m ? (m[1] ?? null) : null;
}

/** The outcome of a parse: what the reader must know besides the entries. */
export interface WxrParseResult {
  repairs: number;
  firstRepairLine: number | null;
  transcodedFrom: string | null;
}

/**
 * Parses a WXR file, calling `events` for each entry; `drain` is awaited after each chunk so
 * a caller can hand the entries on (streaming) before the next chunk is read.
 */
export async function parseWxrFile(path: string, events: WxrEvents, drain: () => Promise<void> = async () => undefined): Promise<WxrParseResult> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: WxrNode[] = [];
  /** Depth of the channel element in `stack` (-1 until seen). */
  let channelDepth = -1;
  let rootSeen = false;
  let entryDepth = -1;
  let failure: DepecheError | null = null;

  parser.on('doctype', () => {
    throw refuse('the file declares a DOCTYPE; WordPress exports never do, and entity declarations are not accepted (entity expansion and external entities are refused)');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const ns = namespaceRole(tag.uri);
    const attrs: Record<string, string> = {};
    for (const [key, attr] of Object.entries(tag.attributes)) if (!key.startsWith('xmlns')) attrs[attr.local] = attr.value;
    const node: WxrNode = { ns, name: tag.local, attrs, text: '', children: [] };
    if (!rootSeen) {
      rootSeen = true;
      if (!(ns === 'rss' && tag.local === 'rss')) throw refuse('this is not a WordPress export (WXR): its root element is not <rss>');
    }
    if (ns === 'rss' && tag.local === 'channel' && stack.length === 1) channelDepth = 1;
    else if (entryDepth < 0 && channelDepth >= 0 && stack.length === channelDepth + 1 && ENTRY_NAMES.has(`${ns}:${tag.local}`)) entryDepth = stack.length;
    const parent = stack[stack.length - 1];
    if (entryDepth >= 0 && stack.length > entryDepth && parent) parent.children.push(node);
    stack.push(node);
  });
  const onText = (text: string) => {
    const top = stack[stack.length - 1];
    // Text matters only in channel fields and entries; whitespace between elements is skipped.
    if (top && channelDepth >= 0 && stack.length > channelDepth + 1) top.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const node = stack.pop();
    if (!node) return;
    if (entryDepth >= 0 && stack.length === entryDepth) {
      entryDepth = -1;
      events.entry(node);
    } else if (entryDepth < 0 && channelDepth >= 0 && stack.length === channelDepth + 1) {
      events.channelField(node);
    }
  });
  parser.on('error', (error: Error) => {
    throw refuse(`the XML is not well-formed (${error.message})`);
  });

  const repair = new AmpersandRepair();
  let decoder: TextDecoder | null = null;
  let transcodedFrom: string | null = null;
  let bytesRead = 0;
  const feed = (text: string) => {
    if (failure) return;
    try {
      parser.write(text);
    } catch (error) {
      failure = error instanceof DepecheError ? error : refuse(`the XML is not well-formed (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  let stream;
  try {
    stream = createReadStream(path, { highWaterMark: 256 * 1024 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (decoder === null) {
        const encoding = (declaredEncoding(chunk) ?? 'utf-8').toLowerCase();
        if (encoding !== 'utf-8' && encoding !== 'utf8') {
          try {
            decoder = new TextDecoder(encoding, { fatal: true });
            transcodedFrom = encoding;
          } catch {
            throw refuse(`the file's encoding "${encoding}" is not supported (export it as UTF-8)`);
          }
        } else {
          decoder = new TextDecoder('utf-8', { fatal: true });
        }
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw refuse(`the file is not valid ${transcodedFrom ?? 'UTF-8'} (bad bytes after byte ${bytesRead})`);
      }
      bytesRead += chunk.length;
      // The XML declaration still names the old encoding; the parser reads decoded text.
      if (transcodedFrom !== null && bytesRead === chunk.length) text = text.replace(/^(<\?xml[^>]*\bencoding\s*=\s*["'])[^"']+/, '$1UTF-8');
      feed(repair.push(text));
      if (failure) throw failure;
      await drain();
    }
    if (decoder === null) throw refuse('the file is empty');
    try {
      feed(repair.push(decoder.decode()) + repair.end());
    } catch {
      throw refuse(`the file is not valid ${transcodedFrom ?? 'UTF-8'} (it ends in the middle of a character)`);
    }
    if (failure) throw failure;
    try {
      parser.close();
    } catch (error) {
      throw error instanceof DepecheError ? error : refuse(`the XML is not well-formed (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!rootSeen) throw refuse('the file holds no XML element');
    await drain();
  } catch (error) {
    stream?.destroy();
    if (error instanceof DepecheError) throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new DepecheError('DEPECHE_IMPORT_FILE', { path, detail: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : error instanceof Error ? error.message : String(error) });
  }
  return { repairs: repair.repairs, firstRepairLine: repair.firstLine, transcodedFrom };
}

/** The text of a child element (by namespace role and name), or undefined. Later duplicates win. */
export function childText(node: WxrNode, ns: WxrNamespace, name: string): string | undefined {
  let found: string | undefined;
  for (const c of node.children) if (c.ns === ns && c.name === name) found = c.text;
  return found;
}

/** Children with a namespace role and name. */
export function childrenNamed(node: WxrNode, ns: WxrNamespace, name: string): WxrNode[] {
  return node.children.filter((c) => c.ns === ns && c.name === name);
}
