// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createQuoteCheckService } from '@/utils/background/quote-check-service';
import { sourceCheckReporter } from '@/utils/background/source-check-reporter';
import type { WorkspaceConnection } from '@/utils/background/workspace-clients';
import type {
  FrameResult,
  ScriptInjection,
  ScriptingService,
} from '@/utils/browser/scripting';
import { checkPageQuotes } from '@/utils/capture/page-quote-check';
import type { QuoteToCheck } from '@/utils/messages/quote-check-protocol';
import type { SourceCheck } from '@/utils/remote/peer-wire';
import type { RemoteApi } from '@/utils/remote/remote-api';
import { RemoteError } from '@/utils/remote/remote-error';

/**
 * The test's own document as the active tab: an injected function runs
 * here, and the quote-check file runs the script's own code on it.
 */
function pageScripting(): ScriptingService {
  return {
    async executeScript(injection: ScriptInjection): Promise<FrameResult[]> {
      if ('func' in injection) {
        const run = injection.func as (...args: unknown[]) => unknown;
        return [{ frameId: 0, result: run(...(injection.args ?? [])) }];
      }
      return [{ frameId: 0, result: checkPageQuotes(window) }];
    },
  };
}

/** A browser page, which no extension may script. */
const refusing: ScriptingService = {
  executeScript: () =>
    Promise.reject(new Error('Cannot access a chrome:// URL')),
};

const PAGE = 'https://wiki.example.com/safety/fire-doors';

function clip(id: string, exact: string, sourceChanged?: boolean) {
  const quote: QuoteToCheck = { id, exact, prefix: '', suffix: '' };
  return sourceChanged === undefined ? quote : { ...quote, sourceChanged };
}

function service(scripting: ScriptingService, reported: SourceCheck[][]) {
  return createQuoteCheckService({
    scripting,
    activeTab: async () => ({ id: 7, url: PAGE }),
    report: async (checks) => void reported.push(checks),
  });
}

describe('createQuoteCheckService', () => {
  it('tells found quotes from changed ones on the active tab', async () => {
    document.body.innerHTML = '<p>Close the fire door.</p>';
    const quotes = service(pageScripting(), []);

    const reply = await quotes.check({
      type: 'check-page-quotes',
      pageUrl: PAGE,
      clips: [clip('a', 'Close the fire door.'), clip('b', 'Prop it open.')],
    });

    expect(reply.results).toEqual([
      { id: 'a', status: 'found' },
      { id: 'b', status: 'changed' },
    ]);
  });

  it('answers unknown, never changed, for a page it cannot read', async () => {
    const quotes = service(refusing, []);

    const reply = await quotes.check({
      type: 'check-page-quotes',
      pageUrl: PAGE,
      clips: [clip('a', 'Close the fire door.')],
    });

    expect(reply.results).toEqual([{ id: 'a', status: 'unknown' }]);
  });

  it('reports only what the workspace does not know yet', async () => {
    document.body.innerHTML = '<p>Close the fire door.</p>';
    const reported: SourceCheck[][] = [];
    const quotes = service(pageScripting(), reported);

    await quotes.check({
      type: 'check-page-quotes',
      pageUrl: PAGE,
      clips: [
        clip('known-found', 'Close the fire door.', false),
        clip('news', 'Prop it open.', false),
        clip('never-said', 'Close the fire door.'),
      ],
    });

    expect(reported).toEqual([
      [
        { clipId: 'news', found: false },
        { clipId: 'never-said', found: true },
      ],
    ]);
  });

  it('reports nothing for a page it cannot read', async () => {
    const reported: SourceCheck[][] = [];
    const quotes = service(refusing, reported);

    await quotes.check({
      type: 'check-page-quotes',
      pageUrl: PAGE,
      clips: [clip('a', 'Close the fire door.', false)],
    });

    expect(reported).toEqual([]);
  });
});

describe('sourceCheckReporter', () => {
  function connectionFailing(error: RemoteError) {
    const remote = {
      reportSourceChecks: () => Promise.reject(error),
    } as unknown as RemoteApi;
    return async () => ({ remote }) as WorkspaceConnection;
  }

  it('drops the report quietly while offline', async () => {
    const offline = new RemoteError('offline', 'No network.');
    const report = sourceCheckReporter(connectionFailing(offline));

    await expect(report([{ clipId: 'a', found: false }])).resolves.toBe(
      undefined,
    );
  });

  it('passes on a refusal from the workspace', async () => {
    const refused = new RemoteError('not-found', 'No such clip.');
    const report = sourceCheckReporter(connectionFailing(refused));

    await expect(report([{ clipId: 'a', found: false }])).rejects.toBe(refused);
  });
});

describe('createQuoteCheckService on another page', () => {
  it('answers unknown when the tab left the list’s page', async () => {
    document.body.innerHTML = '<p>Close the fire door.</p>';
    const quotes = createQuoteCheckService({
      scripting: pageScripting(),
      activeTab: async () => ({ id: 7, url: `${PAGE}/history` }),
      report: async () => {},
    });

    const reply = await quotes.check({
      type: 'check-page-quotes',
      pageUrl: PAGE,
      clips: [clip('a', 'Prop it open.')],
    });

    expect(reply.results).toEqual([{ id: 'a', status: 'unknown' }]);
  });
});
