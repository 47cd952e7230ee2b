import type { CaptureResult } from '@/utils/capture/capture-result';
import type { FrameResult, ScriptingService } from '@/utils/browser/scripting';
import type { ClipMode } from '@/utils/messages/protocol';
import { parseCaptureResult } from './parse-capture-result';

/** The bundled scripts to inject, one per clip mode. */
export interface CaptureScripts {
  selection: string;
  page: string;
}

/** How long to wait for the frames of a page after the top frame answered. */
export const FRAMES_WAIT_MS = 1500;

/**
 * Injects the capture script for a mode and picks the answer. An article
 * is read from the top frame only. A selection is asked of the top frame
 * first, and of every frame only when the top has none: Chrome never
 * answers for some frames (a `javascript:` iframe, for one), so that wait
 * is bounded.
 * Throws when the browser refuses to inject or a frame returns a bad shape.
 */
export async function injectCapture(
  scripting: ScriptingService,
  scripts: CaptureScripts,
  tabId: number,
  mode: ClipMode,
  framesWaitMs = FRAMES_WAIT_MS,
): Promise<CaptureResult> {
  const files = [scripts[mode]];
  const top = pickFrameResult(
    await scripting.executeScript({ target: { tabId }, files }),
  );
  if (top.ok || mode === 'page') return top;

  const frames = await withinTime(
    scripting.executeScript({ target: { tabId, allFrames: true }, files }),
    framesWaitMs,
  );
  // The frames' answer counts only when it came; otherwise the top's does.
  return frames ? pickFrameResult(frames) : top;
}

async function withinTime<T>(
  promise: Promise<T>,
  ms: number,
): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The top frame answers first, so its capture wins over a frame's; a frame
 * that has the selection wins over the others saying "nothing here"; and
 * "the selection is in a frame I can't read" beats plain "no selection".
 */
export function pickFrameResult(frames: FrameResult[]): CaptureResult {
  const results = [...frames]
    .filter((frame) => frame.result !== undefined && frame.result !== null)
    .sort((a, b) => a.frameId - b.frameId)
    .map((frame) => parseCaptureResult(frame.result));

  const captured = results.find((result) => result.ok);
  if (captured) return captured;

  const inFrame = results.find(
    (result) => !result.ok && result.reason === 'selection-in-frame',
  );
  return (
    inFrame ??
    results[0] ?? {
      ok: false,
      reason: 'no-selection',
      message: 'No frame answered.',
    }
  );
}
