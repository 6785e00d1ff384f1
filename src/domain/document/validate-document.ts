/**
 * Write-time validation of article bodies against the schema of `document.ts`.
 * Anything unknown (node type, mark, attribute value) is rejected with the path where it
 * was found, so nothing unexpected is ever stored, let alone rendered.
 */
import { DepecheError } from '../../errors.js';
import type { ArticleDocument, BlockNode, InlineNode, ListItemNode, Mark } from './document.js';

/** Limits that keep a body renderable and storable. */
export const DOCUMENT_LIMITS = { maxDepth: 12, maxNodes: 50_000, maxTextLength: 2_000_000, maxAttrLength: 2_048 } as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class Invalid extends Error {}

interface Budget {
  nodes: number;
  text: number;
}

function fail(path: string, problem: string): never {
  throw new Invalid(`${path}: ${problem}`);
}

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(node: Record<string, Json>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(node)) if (!allowed.includes(key)) fail(path, `unknown property "${key}"`);
}

function shortString(value: unknown, path: string, required: boolean): string | null {
  if (value === undefined || value === null) {
    if (required) fail(path, 'is required');
    return null;
  }
  if (typeof value !== 'string') fail(path, 'must be a string');
  if (value.length > DOCUMENT_LIMITS.maxAttrLength) fail(path, 'is too long');
  return value;
}

/** Whether a link target is safe to put in an href: web, mail, or a path on this site. */
export function isSafeHref(href: string): boolean {
  const trimmed = href.trim();
  if (trimmed === '' || /[\u0000-\u001f\s]/.test(trimmed)) return false;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return true;
  if (trimmed.startsWith('#')) return true;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** Whether an image source is a site path or an http(s) URL. */
export function isSafeImageSrc(src: string): boolean {
  if (src.startsWith('/') && !src.startsWith('//')) return !/[\s"<>]/.test(src);
  try {
    const url = new URL(src);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function checkMarks(value: unknown, path: string): Mark[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(path, 'must be a list');
  return value.map((mark, i): Mark => {
    const at = `${path}[${i}]`;
    if (!isObject(mark)) fail(at, 'must be an object');
    switch (mark.type) {
      case 'bold':
      case 'italic':
      case 'strike':
      case 'code':
        onlyKeys(mark, ['type'], at);
        return { type: mark.type };
      case 'link': {
        onlyKeys(mark, ['type', 'attrs'], at);
        if (!isObject(mark.attrs)) fail(`${at}.attrs`, 'is required');
        onlyKeys(mark.attrs, ['href', 'target', 'rel', 'class'], `${at}.attrs`);
        const href = shortString(mark.attrs.href, `${at}.attrs.href`, true) ?? '';
        if (!isSafeHref(href)) fail(`${at}.attrs.href`, `unsafe or malformed link "${href.slice(0, 60)}"`);
        return { type: 'link', attrs: { href: href.trim() } };
      }
      default:
        return fail(`${at}.type`, `unknown mark type "${String(mark.type)}"`);
    }
  });
}

function checkInline(value: unknown, path: string, budget: Budget): InlineNode[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(path, 'must be a list');
  return value.map((node, i): InlineNode => {
    const at = `${path}[${i}]`;
    budget.nodes++;
    if (!isObject(node)) fail(at, 'must be an object');
    if (node.type === 'hardBreak') {
      onlyKeys(node, ['type'], at);
      return { type: 'hardBreak' };
    }
    if (node.type !== 'text') fail(`${at}.type`, `unknown inline node type "${String(node.type)}"`);
    onlyKeys(node, ['type', 'text', 'marks'], at);
    if (typeof node.text !== 'string' || node.text === '') fail(`${at}.text`, 'must be a non-empty string');
    budget.text += node.text.length;
    const marks = checkMarks(node.marks, `${at}.marks`);
    return marks === undefined || marks.length === 0 ? { type: 'text', text: node.text } : { type: 'text', text: node.text, marks };
  });
}

function checkListItems(value: unknown, path: string, depth: number, budget: Budget): ListItemNode[] {
  if (!Array.isArray(value) || value.length === 0) fail(path, 'must be a non-empty list of listItem');
  return value.map((item, i): ListItemNode => {
    const at = `${path}[${i}]`;
    budget.nodes++;
    if (!isObject(item) || item.type !== 'listItem') fail(at, 'must be a listItem');
    onlyKeys(item, ['type', 'content'], at);
    return { type: 'listItem', content: checkBlocks(item.content, `${at}.content`, depth + 1, budget, true) };
  });
}

function optionalDimension(value: unknown, path: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 20_000) fail(path, 'must be a whole number of pixels');
  return value;
}

function checkBlock(node: unknown, at: string, depth: number, budget: Budget): BlockNode {
  budget.nodes++;
  if (budget.nodes > DOCUMENT_LIMITS.maxNodes) fail(at, 'the document has too many nodes');
  if (!isObject(node)) fail(at, 'must be an object');
  switch (node.type) {
    case 'paragraph': {
      onlyKeys(node, ['type', 'content', 'attrs'], at);
      const content = checkInline(node.content, `${at}.content`, budget);
      return content === undefined ? { type: 'paragraph' } : { type: 'paragraph', content };
    }
    case 'heading': {
      onlyKeys(node, ['type', 'content', 'attrs'], at);
      const level = isObject(node.attrs) ? node.attrs.level : undefined;
      if (level !== 2 && level !== 3 && level !== 4) fail(`${at}.attrs.level`, 'must be 2, 3 or 4');
      const content = checkInline(node.content, `${at}.content`, budget);
      return content === undefined ? { type: 'heading', attrs: { level } } : { type: 'heading', attrs: { level }, content };
    }
    case 'blockquote':
      onlyKeys(node, ['type', 'content'], at);
      return { type: 'blockquote', content: checkBlocks(node.content, `${at}.content`, depth + 1, budget, true) };
    case 'bulletList':
      onlyKeys(node, ['type', 'content', 'attrs'], at);
      return { type: 'bulletList', content: checkListItems(node.content, `${at}.content`, depth, budget) };
    case 'orderedList': {
      onlyKeys(node, ['type', 'content', 'attrs'], at);
      const start = isObject(node.attrs) ? node.attrs.start : undefined;
      if (start !== undefined && start !== null && (typeof start !== 'number' || !Number.isInteger(start) || start < 0 || start > 1_000_000)) fail(`${at}.attrs.start`, 'must be a whole number');
      const content = checkListItems(node.content, `${at}.content`, depth, budget);
      return typeof start === 'number' && start !== 1 ? { type: 'orderedList', attrs: { start }, content } : { type: 'orderedList', content };
    }
    case 'horizontalRule':
      onlyKeys(node, ['type'], at);
      return { type: 'horizontalRule' };
    case 'figure': {
      onlyKeys(node, ['type', 'attrs'], at);
      if (!isObject(node.attrs)) fail(`${at}.attrs`, 'is required');
      const attrs = node.attrs;
      onlyKeys(attrs, ['mediaId', 'src', 'alt', 'width', 'height', 'caption', 'credit'], `${at}.attrs`);
      const src = shortString(attrs.src, `${at}.attrs.src`, true) ?? '';
      if (!isSafeImageSrc(src)) fail(`${at}.attrs.src`, 'must be a site path or an http(s) URL');
      const alt = shortString(attrs.alt, `${at}.attrs.alt`, false) ?? '';
      const mediaId = attrs.mediaId === undefined || attrs.mediaId === null ? null : attrs.mediaId;
      if (mediaId !== null && (typeof mediaId !== 'number' || !Number.isInteger(mediaId) || mediaId < 1)) fail(`${at}.attrs.mediaId`, 'must be a media id');
      return {
        type: 'figure',
        attrs: {
          mediaId,
          src,
          alt,
          width: optionalDimension(attrs.width, `${at}.attrs.width`),
          height: optionalDimension(attrs.height, `${at}.attrs.height`),
          caption: shortString(attrs.caption, `${at}.attrs.caption`, false),
          credit: shortString(attrs.credit, `${at}.attrs.credit`, false),
        },
      };
    }
    default:
      return fail(`${at}.type`, `unknown node type "${String(node.type)}"`);
  }
}

function checkBlocks(value: unknown, path: string, depth: number, budget: Budget, nonEmpty: boolean): BlockNode[] {
  if (depth > DOCUMENT_LIMITS.maxDepth) fail(path, 'is nested too deeply');
  if (!Array.isArray(value)) fail(path, 'must be a list of blocks');
  if (nonEmpty && value.length === 0) fail(path, 'must not be empty');
  return value.map((node, i) => checkBlock(node, `${path}[${i}]`, depth, budget));
}

/**
 * Checks an untrusted value against the document schema and returns a clean copy
 * (unknown properties are refused, not dropped). Throws DEPECHE_DOCUMENT_INVALID.
 */
export function validateDocument(value: unknown): ArticleDocument {
  try {
    if (!isObject(value)) fail('document', 'must be an object');
    if (value.type !== 'doc') fail('document.type', 'must be "doc"');
    onlyKeys(value, ['type', 'content'], 'document');
    const budget: Budget = { nodes: 0, text: 0 };
    const content = checkBlocks(value.content ?? [], 'document.content', 0, budget, false);
    if (budget.text > DOCUMENT_LIMITS.maxTextLength) fail('document', 'the text is too long');
    return { type: 'doc', content };
  } catch (error) {
    if (error instanceof Invalid) throw new DepecheError('DEPECHE_DOCUMENT_INVALID', { detail: error.message });
    throw error;
  }
}
