/** A save that waits for typing to pause, and can be forced at once. */
export interface DebouncedSave {
  /** Starts (or restarts) the wait before saving. */
  schedule(): void;
  /** Saves now if a save is waiting; resolves when it is written. */
  flush(): Promise<void>;
}

/**
 * Runs `save` once typing has paused for `delayMs`. `flush` is for the
 * moments the page may go away (blur, pagehide): nothing typed is lost.
 */
export function debouncedSave(
  save: () => Promise<void>,
  delayMs = 300,
): DebouncedSave {
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = async () => {
    if (timer === undefined) return;

    clearTimeout(timer);
    timer = undefined;
    await save();
  };

  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
  };
}
