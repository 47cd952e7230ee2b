import type { ScriptingService } from './scripting';

/**
 * Shows a short message at the bottom corner of a page. It runs inside the
 * page, so it must stay self-contained: no imports, no closures.
 *
 * The toast lives in a closed shadow root (the page's styles cannot reach
 * it), never takes focus, and is announced politely to screen readers.
 */
function showToastInPage(message: string, kind: 'saved' | 'failed'): void {
  const host = document.createElement('peerclip-toast');
  const root = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.textContent = message;
  box.style.cssText = [
    'position:fixed',
    'right:16px',
    'bottom:16px',
    'z-index:2147483647',
    'max-width:320px',
    'padding:10px 14px',
    'border-radius:8px',
    'font:14px/1.4 system-ui,sans-serif',
    'color:#fff',
    `background:${kind === 'saved' ? '#1d5c3a' : '#8a1c1c'}`,
    'box-shadow:0 2px 8px rgba(0,0,0,.3)',
    'pointer-events:none',
  ].join(';');
  root.append(box);
  document.documentElement.append(host);
  setTimeout(() => host.remove(), 2500);
}

/** Shows toasts in pages through `scripting`. */
export interface PageToast {
  show(tabId: number, message: string, kind: 'saved' | 'failed'): Promise<void>;
}

/** Toasts injected as a function: nothing stays in the page afterwards. */
export function injectedToast(scripting: ScriptingService): PageToast {
  return {
    async show(tabId, message, kind) {
      await scripting.executeScript({
        target: { tabId },
        func: showToastInPage as (...args: never[]) => unknown,
        args: [message, kind],
      });
    },
  };
}
