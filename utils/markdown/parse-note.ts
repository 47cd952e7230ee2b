import type { NoteBlock, NoteInline } from './note-tree';
import { parseInline } from './parse-inline';

/** Quotes nested deeper than this keep their further `>` as text. */
const MAX_QUOTE_DEPTH = 4;

const QUOTE_MARK = /^ {0,3}> ?/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBER = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;

/** One list item's first line: its kind, number and text. */
interface ListMark {
  ordered: boolean;
  start: number;
  text: string;
}

const isBlank = (line: string) => line.trim() === '';

function listMark(line: string): ListMark | null {
  const bullet = BULLET.exec(line);
  if (bullet) return { ordered: false, start: 1, text: bullet[1] ?? '' };

  const numbered = NUMBER.exec(line);
  if (!numbered) return null;
  return {
    ordered: true,
    start: Number(numbered[1]),
    text: numbered[2] ?? '',
  };
}

function startsBlock(line: string, depth: number): boolean {
  const quote = depth < MAX_QUOTE_DEPTH && QUOTE_MARK.test(line);
  return quote || listMark(line) !== null;
}

function inlineOf(lines: string[]): NoteInline[] {
  return parseInline(lines.map((line) => line.trim()).join('\n'));
}

/** Reads consecutive list items of one kind; returns the next line. */
function readList(
  lines: string[],
  from: number,
  first: ListMark,
  blocks: NoteBlock[],
): number {
  const items: string[][] = [];
  let at = from;

  while (at < lines.length) {
    const line = lines[at] ?? '';
    const mark = listMark(line);
    if (mark && mark.ordered === first.ordered) {
      items.push([mark.text]);
    } else if (mark || isBlank(line) || QUOTE_MARK.test(line)) {
      break;
    } else {
      // A line under an item without a mark of its own continues the item.
      items.at(-1)?.push(line);
    }
    at += 1;
  }

  blocks.push({
    kind: 'list',
    ordered: first.ordered,
    start: first.start,
    items: items.map(inlineOf),
  });
  return at;
}

/** Reads consecutive `>` lines as one quote; returns the next line. */
function readQuote(
  lines: string[],
  from: number,
  depth: number,
  blocks: NoteBlock[],
): number {
  const inner: string[] = [];
  let at = from;

  while (at < lines.length && QUOTE_MARK.test(lines[at] ?? '')) {
    inner.push((lines[at] ?? '').replace(QUOTE_MARK, ''));
    at += 1;
  }

  blocks.push({ kind: 'quote', children: parseBlocks(inner, depth + 1) });
  return at;
}

function readParagraph(
  lines: string[],
  from: number,
  depth: number,
  blocks: NoteBlock[],
): number {
  const text: string[] = [];
  let at = from;

  do {
    text.push(lines[at] ?? '');
    at += 1;
  } while (
    at < lines.length &&
    !isBlank(lines[at] ?? '') &&
    !startsBlock(lines[at] ?? '', depth)
  );

  blocks.push({ kind: 'paragraph', children: inlineOf(text) });
  return at;
}

function parseBlocks(lines: string[], depth: number): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  let at = 0;

  while (at < lines.length) {
    const line = lines[at] ?? '';
    const mark = listMark(line);
    if (isBlank(line)) at += 1;
    else if (depth < MAX_QUOTE_DEPTH && QUOTE_MARK.test(line)) {
      at = readQuote(lines, at, depth, blocks);
    } else if (mark) at = readList(lines, at, mark, blocks);
    else at = readParagraph(lines, at, depth, blocks);
  }
  return blocks;
}

/**
 * Parses a note or comment, as its author wrote it, into the small
 * Markdown subset Peerclip shows: paragraphs with line breaks, **bold**,
 * *italic*, `code`, http(s) links, bulleted and numbered lists and `>`
 * quotes. Anything else, HTML included, stays text.
 */
export function parseNote(source: string): NoteBlock[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').split('\n'), 0);
}
