import type { Page } from 'puppeteer';
import type { Clip } from '../../../utils/models/clip';

/**
 * Reads or writes the `clips` store of the extension's IndexedDB directly,
 * without the app's code, from an extension page.
 */
export function storedClip(page: Page, id: string): Promise<Clip | undefined> {
  return page.evaluate(
    (clipId) =>
      new Promise<Clip | undefined>((resolve, reject) => {
        const opening = indexedDB.open('peerclip');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const reading = db
            .transaction('clips')
            .objectStore('clips')
            .get(clipId);
          reading.onsuccess = () => {
            db.close();
            resolve(reading.result as Clip | undefined);
          };
          reading.onerror = () => reject(reading.error);
        };
      }),
    id,
  );
}

/** Puts a clip straight into IndexedDB, bypassing capture and the store. */
export function writeClipDirectly(page: Page, clip: Clip): Promise<void> {
  return page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('peerclip');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const writing = db.transaction('clips', 'readwrite');
          writing.objectStore('clips').put(record);
          writing.oncomplete = () => {
            db.close();
            resolve();
          };
          writing.onerror = () => reject(writing.error);
        };
      }),
    clip,
  );
}
