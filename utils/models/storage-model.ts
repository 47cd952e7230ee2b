import { signal } from '@preact/signals';

/** Whether the browser keeps Peerclip's data under disk pressure. */
export type StoragePersistence = 'unknown' | 'persistent' | 'refused';

/** The part of `navigator.storage` that asks for persistence. */
export interface PersistenceApi {
  persisted(): Promise<boolean>;
  persist(): Promise<boolean>;
}

/**
 * Asks once for persistent storage, so the browser does not evict drafts
 * when the disk runs short, and remembers the answer for the notice.
 */
export function createStorageModel(storage: PersistenceApi | undefined) {
  const persistence = signal<StoragePersistence>('unknown');

  async function request() {
    if (!storage) {
      persistence.value = 'refused';
      return;
    }

    try {
      const granted = (await storage.persisted()) || (await storage.persist());
      persistence.value = granted ? 'persistent' : 'refused';
    } catch (error) {
      console.warn('[peerclip] Could not ask for persistent storage.', error);
      persistence.value = 'refused';
    }
  }

  return { persistence, request };
}

/** The storage notice's state, as the components see it. */
export type StorageModel = ReturnType<typeof createStorageModel>;
