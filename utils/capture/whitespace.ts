/**
 * Collapses every run of whitespace to one space. Selectors compare their
 * context this way, because pages often re-indent markup without changing
 * what a reader sees.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Text with its whitespace collapsed, and where each character came from. */
export interface CollapsedText {
  text: string;
  /** `sources[i]` is the index in the original text of `text[i]`. */
  sources: number[];
}

/** Collapses whitespace and remembers the original index of each char. */
export function collapseWithSources(text: string): CollapsedText {
  const characters: string[] = [];
  const sources: number[] = [];
  let inSpace = false;
  for (let index = 0; index < text.length; index++) {
    const isSpace = /\s/.test(text[index] as string);
    if (isSpace && inSpace) continue;

    characters.push(isSpace ? ' ' : (text[index] as string));
    sources.push(index);
    inSpace = isSpace;
  }
  return { text: characters.join(''), sources };
}
