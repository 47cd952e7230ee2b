import { createRequire } from 'node:module';

interface JsdomModule {
  JSDOM: new (html: string) => { window: Window & typeof globalThis };
}

// The project has no type declarations for jsdom; only its window is used.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as JsdomModule;

/**
 * Gives this Node test a `document` and `DOMParser` for rebuilding and
 * checking rendered markup. The jsdom test environment cannot be used:
 * its `URL` breaks the local stack's `fileURLToPath`.
 */
export function installJsdomGlobals(): void {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, {
    document: window.document,
    DOMParser: window.DOMParser,
  });
}
