import type { WebWorker } from 'puppeteer';

/**
 * Switches the service worker's network off or on through the DevTools
 * protocol on the worker's own target: emulating on a page's session
 * leaves the worker's fetch untouched.
 */
export async function setWorkerOffline(
  worker: WebWorker,
  offline: boolean,
): Promise<void> {
  await worker.client.send('Network.enable');
  await worker.client.send('Network.emulateNetworkConditions', {
    offline,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
}
