/**
 * The tree a note or comment is parsed into: plain objects, so rendering
 * them never goes through an HTML string.
 */

/** Inline content: text and the few marks a note may carry. */
export type NoteInline =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: NoteInline[] }
  | { kind: 'emphasis'; children: NoteInline[] }
  /** Only http(s) links; any other target stays text. */
  | { kind: 'link'; href: string; children: NoteInline[] };

/** Block content: paragraphs, lists and quotes. */
export type NoteBlock =
  | { kind: 'paragraph'; children: NoteInline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: NoteInline[][] }
  | { kind: 'quote'; children: NoteBlock[] };

/**
 * The elements a rendered note may contain, and the attributes each may
 * carry. Tests hold the DOM to this list.
 */
export const NOTE_ALLOWED_MARKUP: Readonly<Record<string, readonly string[]>> =
  {
    p: [],
    br: [],
    strong: [],
    em: [],
    code: [],
    a: ['href', 'rel', 'target'],
    ul: [],
    ol: ['start'],
    li: [],
    blockquote: [],
  };
