import type { ScriptingService } from '@/utils/browser/scripting';
import type { TabInfo, TabsService } from '@/utils/browser/tabs';
import type { Capture } from '@/utils/capture/capture-result';
import type {
  ClipFailure,
  ClipMode,
  ClipOutcome,
} from '@/utils/messages/protocol';
import type { Clip } from '@/utils/models/clip';
import { clipFailure } from './clip-failures';
import type { ClipFeedback } from './clip-feedback';
import { injectCapture, type CaptureScripts } from './capture-injection';
import { whyUnclippable } from './clippable-url';

/** Everything `clipTab` reaches the outside world through. */
export interface ClipTabServices {
  clips: { createDraft(capture: Capture): Promise<Clip> };
  scripting: ScriptingService;
  tabs: TabsService;
  feedback: ClipFeedback;
  scripts: CaptureScripts;
  fileAccessAllowed(): Promise<boolean>;
}

/**
 * Clips a tab's selection or page into a new draft: the one path behind
 * the context menu, the keyboard command and the popup.
 *
 * The draft is written before any other effect; the badge and toast come
 * after. Every failure is a `ClipFailure` the caller can show as it is.
 */
export async function clipTab(
  tab: TabInfo,
  mode: ClipMode,
  services: ClipTabServices,
): Promise<ClipOutcome> {
  const outcome = await captureAndSave(tab, mode, services);

  if (tab.id !== undefined) {
    await (outcome.ok
      ? services.feedback.saved(tab.id)
      : services.feedback.failed(tab.id, outcome));
  }
  return outcome;
}

async function captureAndSave(
  tab: TabInfo,
  mode: ClipMode,
  services: ClipTabServices,
): Promise<ClipOutcome> {
  const reason = whyUnclippable(tab.url, await services.fileAccessAllowed());
  if (tab.id === undefined || reason) {
    return clipFailure('unclippable-page', reason ?? 'the tab is gone.');
  }

  const captured = await capture(
    tab as TabInfo & { id: number },
    mode,
    services,
  );
  if (!captured.ok) return captured;

  try {
    const draft = await services.clips.createDraft(captured.capture);
    return { ok: true, clipId: draft.id };
  } catch (error) {
    console.error('[peerclip] Could not save the draft.', error);
    return clipFailure('not-saved');
  }
}

async function capture(
  tab: TabInfo & { id: number },
  mode: ClipMode,
  services: ClipTabServices,
): Promise<{ ok: true; capture: Capture } | ClipFailure> {
  let result;
  try {
    result = await injectCapture(
      services.scripting,
      services.scripts,
      tab.id,
      mode,
    );
  } catch (error) {
    return explainInjectionError(error, tab, services.tabs);
  }

  if (await navigatedAway(tab, services.tabs)) {
    return clipFailure('page-changed');
  }
  return result.ok ? result : clipFailure(result.reason);
}

async function explainInjectionError(
  error: unknown,
  tab: TabInfo & { id: number },
  tabs: TabsService,
): Promise<ClipFailure> {
  if (error instanceof Error && error.name === 'CaptureShapeError') {
    console.warn('[peerclip] The page returned a bad capture.', error);
    return clipFailure('bad-capture');
  }
  if (await navigatedAway(tab, tabs)) return clipFailure('page-changed');

  console.warn('[peerclip] The browser refused the capture script.', error);
  return clipFailure(
    'unclippable-page',
    'the browser did not let Peerclip read it.',
  );
}

/** True when the tab is gone or shows another page than when we began. */
async function navigatedAway(
  tab: TabInfo & { id: number },
  tabs: TabsService,
): Promise<boolean> {
  const now = await tabs.get(tab.id);
  return !now?.url || withoutFragment(now.url) !== withoutFragment(tab.url);
}

function withoutFragment(url: string | undefined): string {
  return (url ?? '').split('#')[0] ?? '';
}
