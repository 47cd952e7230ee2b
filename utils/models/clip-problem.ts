/**
 * Something that went wrong, as the UI shows it: one sentence saying what
 * happened and what to do next, and the one action that helps, if any.
 */
export interface Problem {
  message: string;
  offerClipPage?: boolean;
}

/** The sentence for an unexpected error, with the error logged. */
export function problemFrom(error: unknown, fallback: string): Problem {
  const typed =
    error instanceof Error && 'code' in error && error.message !== '';
  if (!typed) console.error(`[peerclip] ${fallback}`, error);

  return { message: typed ? error.message : fallback };
}
