import type { Page } from 'puppeteer';

/**
 * Reads one row of a store of the extension's IndexedDB directly, from an
 * extension page, without the app's code.
 */
export function readCacheRow<Row>(
  page: Page,
  store: 'feedPages' | 'peerCache',
  key: string,
): Promise<Row | undefined> {
  return page.evaluate(
    (name, rowKey) =>
      new Promise<Row | undefined>((resolve, reject) => {
        const opening = indexedDB.open('peerclip');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const reading = db.transaction(name).objectStore(name).get(rowKey);
          reading.onsuccess = () => {
            db.close();
            resolve(reading.result as Row | undefined);
          };
          reading.onerror = () => reject(reading.error);
        };
      }),
    store,
    key,
  );
}

/**
 * Puts rows into a store of the extension's IndexedDB directly, as a
 * tampered or older cache would hold them, bypassing the app's code.
 */
export function writeCacheRows(
  page: Page,
  store: 'feedPages' | 'peerCache',
  rows: unknown[],
): Promise<void> {
  return page.evaluate(
    (name, records) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('peerclip');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const writing = db.transaction(name, 'readwrite');
          for (const record of records) writing.objectStore(name).put(record);
          writing.oncomplete = () => {
            db.close();
            resolve();
          };
          writing.onerror = () => reject(writing.error);
        };
      }),
    store,
    rows,
  );
}
