/**
 * The limits of PRODUCT.md, the same in the UI, the local store and the
 * server.
 */
export const LIMITS = {
  quoteChars: 100_000,
  snippetBytes: 500_000,
  noteChars: 20_000,
  commentChars: 10_000,
  tagCount: 20,
  tagChars: 50,
} as const;
