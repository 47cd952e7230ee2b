/**
 * Reads tags typed as one line, separated by commas. Cleaning (trimming,
 * repeats) and the limits are the store's job, so the count shown here is
 * the count the store will check.
 */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => {
      const key = tag.toLowerCase();
      if (!tag || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
