import type {
  FrameResult,
  ScriptInjection,
  ScriptingService,
} from '@/utils/browser/scripting';

/** What a fake page does when a file is injected into it. */
export type FakePage = (
  injection: ScriptInjection,
) => FrameResult[] | Promise<FrameResult[]>;

/**
 * `browser.scripting` over in-memory pages: each tab answers injected files
 * with what its page function returns; injected functions (the toast) are
 * recorded and answer nothing.
 */
export class FakeScripting implements ScriptingService {
  readonly injections: ScriptInjection[] = [];
  readonly toasts: unknown[][] = [];
  private readonly pages = new Map<number, FakePage>();

  /** Makes a tab answer injections the way `page` does. */
  setPage(tabId: number, page: FakePage): void {
    this.pages.set(tabId, page);
  }

  async executeScript(injection: ScriptInjection): Promise<FrameResult[]> {
    this.injections.push(injection);
    if ('func' in injection) {
      this.toasts.push(injection.args ?? []);
      return [{ frameId: 0 }];
    }

    const page = this.pages.get(injection.target.tabId);
    if (!page) throw new Error('Cannot access contents of the page.');
    return page(injection);
  }
}

/** A page whose top frame returns `result` to any capture script. */
export function answering(result: unknown): FakePage {
  return () => [{ frameId: 0, result }];
}

/**
 * A page with frames: a top-frame injection gets the top frame's answer,
 * an all-frames injection every frame's, as Chrome does.
 */
export function withFrames(top: unknown, ...frames: unknown[]): FakePage {
  return (injection) => [
    { frameId: 0, result: top },
    ...(injection.target.allFrames
      ? frames.map((result, index) => ({ frameId: index + 5, result }))
      : []),
  ];
}
