/** Where the `online` event is heard: the worker's global scope. */
type OnlineTarget = Partial<Pick<EventTarget, 'addEventListener'>>;

/**
 * Calls the listener when the browser gets its network back. The service
 * worker receives the same `online` event as a page; a runtime without
 * events (Node in unit tests) has nothing to hear.
 */
export function onBackOnline(
  listener: () => void,
  target: OnlineTarget = globalThis,
): void {
  target.addEventListener?.('online', () => listener());
}
