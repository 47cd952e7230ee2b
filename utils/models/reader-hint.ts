/**
 * Who last read in this browser, kept in localStorage because it is read
 * synchronously: the side panel starts the feed before IndexedDB answers.
 * Only a hint: nothing of a reader is shown until IndexedDB confirms them.
 */
const READER_HINT_KEY = 'peerclip.reader';

/** The reader this browser last had, or null. */
export function hintedReader(storage: Storage = localStorage): string | null {
  return storage.getItem(READER_HINT_KEY);
}

/** Remembers the reader IndexedDB names; forgets when there is none. */
export function rememberReader(
  readerId: string | null,
  storage: Storage = localStorage,
): void {
  if (readerId) storage.setItem(READER_HINT_KEY, readerId);
  else storage.removeItem(READER_HINT_KEY);
}
