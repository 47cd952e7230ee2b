import type { PeerclipDb } from './database';

/**
 * Small named values kept beside the clips: which draft the popup was
 * editing now, the sync cursor and settings later.
 */
export class MetaStore {
  constructor(private readonly db: PeerclipDb) {}

  /** The value under a key, or undefined when none was kept. */
  async get<T>(key: string): Promise<T | undefined> {
    const entry = await this.db.meta.get(key);
    return entry?.value as T | undefined;
  }

  /** Keeps a value under a key, replacing the old one. */
  async set(key: string, value: unknown): Promise<void> {
    await this.db.meta.put({ key, value });
  }

  /** Forgets a key. */
  async remove(key: string): Promise<void> {
    await this.db.meta.delete(key);
  }
}
