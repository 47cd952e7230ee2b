import type { CaptureResult } from '@/utils/capture/capture-result';
import type { ScriptingService, FrameResult } from '@/utils/browser/scripting';
import type { ClipMode } from '@/utils/messages/protocol';
import { parseCaptureResult } from './parse-capture-result';

/** The bundled scripts to inject, one per clip mode. */
export interface CaptureScripts {
  selection: string;
  page: string;
}

/**
 * Injects the capture script for a mode and picks the answer: a selection
 * may sit in any same-origin frame, so every frame is asked; an article is
 * read from the top frame only. Throws when the browser refuses to inject
 * or a frame returns a bad shape.
 */
export async function injectCapture(
  scripting: ScriptingService,
  scripts: CaptureScripts,
  tabId: number,
  mode: ClipMode,
): Promise<CaptureResult> {
  const frames = await scripting.executeScript({
    target: { tabId, allFrames: mode === 'selection' },
    files: [scripts[mode]],
  });

  return pickFrameResult(frames);
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
