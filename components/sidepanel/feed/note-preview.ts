/** How much of a note a feed card shows. */
export const NOTE_PREVIEW_LENGTH = 200;

/**
 * The start of a note as plain text: Markdown marks and links reduced to
 * their words, whitespace collapsed, cut at a word near the limit. The
 * result is only ever rendered as a text node, never parsed as HTML.
 */
export function notePreview(note: string, limit = NOTE_PREVIEW_LENGTH): string {
  const plain = note
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= limit) return plain;

  const cut = plain.slice(0, limit);
  const lastSpace = cut.lastIndexOf(' ');
  // A word cut in half reads worse than a slightly shorter preview.
  return `${lastSpace > limit * 0.7 ? cut.slice(0, lastSpace) : cut}…`;
}
