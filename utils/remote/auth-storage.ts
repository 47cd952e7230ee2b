/** The part of `browser.storage.local` the auth storage needs. */
export interface StringStorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The storage supabase-js' auth client reads and writes its session with. */
export interface AuthStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/**
 * Auth storage over `browser.storage.local`: the service worker has no
 * localStorage, and storage.local outlives worker stops and browser
 * restarts. Values are kept exactly as given; supabase-js parses its own.
 */
export function createAuthStorage(area: StringStorageArea): AuthStorage {
  return {
    async getItem(key) {
      const stored = (await area.get(key))[key];
      return typeof stored === 'string' ? stored : null;
    },
    async setItem(key, value) {
      await area.set({ [key]: value });
    },
    async removeItem(key) {
      await area.remove(key);
    },
  };
}
