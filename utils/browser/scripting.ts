import { browser } from 'wxt/browser';

/** Where a script runs: a tab, and all its frames or only the top one. */
export interface InjectionTarget {
  tabId: number;
  allFrames?: boolean;
}

/** A script to inject: bundled files, or one self-contained function. */
export type ScriptInjection =
  | { target: InjectionTarget; files: string[] }
  | {
      target: InjectionTarget;
      func: (...args: never[]) => unknown;
      args?: unknown[];
    };

/** What one frame's injected script returned. */
export interface FrameResult {
  frameId: number;
  result?: unknown;
}

/**
 * The part of `browser.scripting` Peerclip uses. Handed to the code that
 * injects, so unit tests can pass an in-memory page instead.
 */
export interface ScriptingService {
  executeScript(injection: ScriptInjection): Promise<FrameResult[]>;
}

/** The real `browser.scripting`. */
export function browserScripting(): ScriptingService {
  return {
    executeScript: (injection) =>
      browser.scripting.executeScript(
        injection as Parameters<typeof browser.scripting.executeScript>[0],
      ) as Promise<FrameResult[]>,
  };
}
