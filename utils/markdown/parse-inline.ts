import type { NoteInline } from './note-tree';

/** Marks nested deeper than this stay text, so no input runs the stack. */
const MAX_DEPTH = 6;

/** Longest link target read; longer ones stay text. */
const MAX_URL_CHARS = 2048;

/** Characters a backslash makes literal. */
const ESCAPABLE = new Set('\\`*_[]()>#+-.!'.split(''));

/** The href of an http(s) link, normalised; null for anything else. */
export function httpHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url.href
      : null;
  } catch {
    return null;
  }
}

/** Adjacent characters of text are kept as one text node. */
class InlineList {
  readonly nodes: NoteInline[] = [];

  text(text: string) {
    const last = this.nodes.at(-1);
    if (last?.kind === 'text') last.text += text;
    else this.nodes.push({ kind: 'text', text });
  }

  add(node: NoteInline) {
    this.nodes.push(node);
  }
}

/** A mark found at one position: the node, and how much source it took. */
interface Found {
  node: NoteInline;
  length: number;
}

/** Reading state of one run of inline text. */
interface Scan {
  source: string;
  depth: number;
  inLink: boolean;
  /** Delimiters with no closer left: searching again cannot succeed. */
  noCloser: Set<string>;
}

const isSpace = (char: string | undefined) =>
  char === undefined || /\s/.test(char);

const isWordChar = (char: string | undefined) =>
  char !== undefined && /[\p{L}\p{N}]/u.test(char);

function findCode(scan: Scan, at: number): Found | null {
  const { source } = scan;
  let run = 1;
  while (source[at + run] === '`') run += 1;

  const fence = '`'.repeat(run);
  if (scan.noCloser.has(fence)) return null;
  const end = source.indexOf(fence, at + run);
  if (end < 0) {
    scan.noCloser.add(fence);
    return null;
  }

  return {
    node: { kind: 'code', text: source.slice(at + run, end) },
    length: end + run - at,
  };
}

/** Where a delimiter run may close: after text, not inside a word for _. */
function closesAt(source: string, at: number, delimiter: string): boolean {
  const mark = delimiter[0];
  if (!source.startsWith(delimiter, at) || isSpace(source[at - 1])) {
    return false;
  }
  if (delimiter.length === 1 && source[at + 1] === mark) return false;
  if (delimiter.length === 1 && source[at - 1] === mark) return false;
  return mark !== '_' || !isWordChar(source[at + delimiter.length]);
}

function findCloser(scan: Scan, from: number, delimiter: string): number {
  if (scan.noCloser.has(delimiter)) return -1;

  let at = scan.source.indexOf(delimiter, from);
  while (at >= 0 && !closesAt(scan.source, at, delimiter)) {
    at = scan.source.indexOf(delimiter, at + 1);
  }
  if (at < 0) scan.noCloser.add(delimiter);
  return at;
}

function findEmphasis(scan: Scan, at: number): Found | null {
  const { source } = scan;
  const mark = source.charAt(at);
  const delimiter = source.charAt(at + 1) === mark ? mark + mark : mark;
  const opensText = !isSpace(source[at + delimiter.length]);
  const opensWord = mark !== '_' || !isWordChar(source[at - 1]);
  if (!opensText || !opensWord || scan.depth >= MAX_DEPTH) return null;

  let end = findCloser(scan, at + delimiter.length + 1, delimiter);
  if (end < 0) return null;
  // `***both***` closes on the last two marks, leaving one for emphasis.
  while (delimiter.length === 2 && source[end + 2] === mark) end += 1;

  const inner = source.slice(at + delimiter.length, end);
  const children = parseInlineScan({ ...nested(scan), source: inner });
  return {
    node: {
      kind: delimiter.length === 2 ? 'strong' : 'emphasis',
      children,
    },
    length: end + delimiter.length - at,
  };
}

/** The end of `(url)` after a link label, or -1; parentheses may nest. */
function urlEnd(source: string, open: number): number {
  let depth = 0;
  const limit = Math.min(source.length, open + MAX_URL_CHARS);
  for (let at = open + 1; at < limit; at += 1) {
    const char = source[at];
    if (isSpace(char)) return -1;
    if (char === '(') depth += 1;
    if (char === ')' && depth === 0) return at;
    if (char === ')') depth -= 1;
  }
  return -1;
}

function findLink(scan: Scan, at: number): Found | null {
  const { source } = scan;
  if (scan.inLink || scan.depth >= MAX_DEPTH) return null;
  if (scan.noCloser.has(']')) return null;

  const close = source.indexOf(']', at + 1);
  if (close < 0) scan.noCloser.add(']');
  if (close < 0 || source[close + 1] !== '(') return null;
  const end = urlEnd(source, close + 1);
  if (end < 0) return null;

  const length = end + 1 - at;
  const href = httpHref(source.slice(close + 2, end));
  if (href === null) {
    // Any other target (javascript:, data:, relative) is shown as written.
    return {
      node: { kind: 'text', text: source.slice(at, at + length) },
      length,
    };
  }
  const label = source.slice(at + 1, close);
  const children = parseInlineScan({
    ...nested(scan),
    source: label,
    inLink: true,
  });
  return { node: { kind: 'link', href, children }, length };
}

function nested(scan: Scan): Scan {
  return { ...scan, depth: scan.depth + 1, noCloser: new Set() };
}

function findMark(scan: Scan, at: number): Found | null {
  const char = scan.source[at];
  const next = scan.source[at + 1];

  if (char === '\\' && next !== undefined && ESCAPABLE.has(next)) {
    return { node: { kind: 'text', text: next }, length: 2 };
  }
  if (char === '\n') return { node: { kind: 'break' }, length: 1 };
  if (char === '`') return findCode(scan, at);
  if (char === '*' || char === '_') return findEmphasis(scan, at);
  if (char === '[') return findLink(scan, at);
  return null;
}

function parseInlineScan(scan: Scan): NoteInline[] {
  const list = new InlineList();
  let at = 0;

  while (at < scan.source.length) {
    const found = findMark(scan, at);
    if (found?.node.kind === 'text') list.text(found.node.text);
    else if (found) list.add(found.node);
    else list.text(scan.source.charAt(at));
    at += found?.length ?? 1;
  }
  return list.nodes;
}

/**
 * Reads the inline marks of one paragraph or list item: **bold**,
 * *italic*, `code`, [links](https://...) and line breaks. Whatever is not
 * a complete mark stays as the text it is.
 */
export function parseInline(source: string): NoteInline[] {
  return parseInlineScan({
    source,
    depth: 0,
    inLink: false,
    noCloser: new Set(),
  });
}
