import { describe, expect, it } from 'vitest';
import { hintedReader, rememberReader } from '@/utils/models/reader-hint';

/** A Storage over a Map, as localStorage behaves. */
function fakeStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('reader hint', () => {
  it('remembers the reader IndexedDB named', () => {
    const storage = fakeStorage();

    rememberReader('alice-id', storage);

    expect(hintedReader(storage)).toBe('alice-id');
  });

  it('forgets the reader once nobody reads', () => {
    const storage = fakeStorage();
    rememberReader('alice-id', storage);

    rememberReader(null, storage);

    expect(hintedReader(storage)).toBeNull();
  });
});
