import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTextModel } from '../../utils/capture/text-model';
import { listFixturePages, type FixturePage } from '../helpers/fixture-pages';
import {
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server';
import { buildCaptureBundle } from './helpers/capture-bundle';
import type { Anchoring } from './helpers/capture-bundle-entry';
import { CHROMIUM_FLAGS, chromiumPath } from './helpers/chromium-path';

declare global {
  interface Window {
    peerclipAnchoring: Anchoring;
  }
}

let browser: Browser;
let server: FixtureServer;
let bundle: string;
let userDataDir: string;

beforeAll(async () => {
  bundle = await buildCaptureBundle();
  server = await startFixtureServer();
  userDataDir = await mkdtemp(join(tmpdir(), 'peerclip-anchoring-'));
  browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    userDataDir,
    args: CHROMIUM_FLAGS,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

async function openFixture(fixture: FixturePage): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(server.urlOf(fixture.urlPath));
  await page.addScriptTag({ content: bundle });
  return page;
}

/**
 * Selects each passage of the page, captures it as the capture script
 * does, changes the page as asked and finds the passage again. Returns the
 * passages that were not found where they were, with what went wrong.
 */
function findPassagesAgain(change: 'none' | 'top' | 'before'): string[] {
  const tools = window.peerclipAnchoring;
  const passages = tools.pickPassages(document);
  const captured = passages.map((passage) => {
    const range = document.createRange();
    range.setStart(passage.startNode, passage.startOffset);
    range.setEnd(passage.endNode, passage.endOffset);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    return { passage, result: tools.captureSelection(window) };
  });

  const notice = 'A notice added to the page after the clip was made.';
  if (change === 'top') {
    const inserted = document.createElement('p');
    inserted.textContent = notice;
    document.body.prepend(inserted);
  }
  // Before the first passage, so no passage's own text changes.
  if (change === 'before') {
    tools.insertTextBefore(passages[0]?.startNode as Node, notice);
  }

  return captured.flatMap(({ passage, result }) => {
    if (!result.ok) return [`${passage.label}: ${result.reason}`];

    const found = tools.anchor(result.capture.selectors, document.body);
    const quote = found && tools.readableText(found);
    const sameStart =
      found?.startContainer === passage.startNode &&
      found.startOffset === passage.startOffset;
    return quote === result.capture.quote && sameStart
      ? []
      : [`${passage.label}: found ${JSON.stringify(quote?.slice(0, 60))}`];
  });
}

/** Every occurrence of every repeated sentence, found after a change. */
function findRepeatsAgain(): string[] {
  const tools = window.peerclipAnchoring;
  const model = tools.buildTextModel(document.body);
  const clips = [...tools.repeatedSentences(model.text).keys()].flatMap(
    (sentence) => {
      const offsets: number[] = [];
      for (let at = model.text.indexOf(sentence); at >= 0;) {
        offsets.push(at);
        at = model.text.indexOf(sentence, at + 1);
      }
      return offsets.map((start) => {
        const range = tools.anchor(
          [
            {
              type: 'TextPositionSelector',
              start,
              end: start + sentence.length,
            },
          ],
          document.body,
        ) as Range;
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        return { range, result: tools.captureSelection(window) };
      });
    },
  );
  const notice = document.createElement('p');
  notice.textContent = 'A long notice added later. '.repeat(200);
  document.body.prepend(notice);

  return clips.flatMap(({ range, result }) => {
    if (!result.ok) return [result.reason];
    const found = tools.anchor(result.capture.selectors, document.body);
    const same =
      found?.startContainer === range.startContainer &&
      found.startOffset === range.startOffset;
    return same ? [] : [result.capture.quote];
  });
}

// jsdom ships no types of its own; this is the little the test uses.
const JSDOM_MODULE: string = 'jsdom';
interface Jsdom {
  JSDOM: new (
    html: string,
    options: { runScripts: 'dangerously'; virtualConsole: object },
  ) => { window: Window };
  VirtualConsole: new () => object;
}

/**
 * The text model of the page in jsdom. Scripts run there as they do in
 * Chromium, because whether scripts run changes how `<noscript>` parses;
 * the fixtures' scripts only ever set `window.__pwned`.
 */
async function textModelInJsdom(fixture: FixturePage): Promise<string> {
  const { JSDOM, VirtualConsole } = (await import(JSDOM_MODULE)) as Jsdom;
  const dom = new JSDOM(await readFile(fixture.file, 'utf8'), {
    runScripts: 'dangerously',
    virtualConsole: new VirtualConsole(),
  });
  const text = buildTextModel(dom.window.document.body).text;
  dom.window.close();
  return text;
}

describe.each(listFixturePages())(
  'anchoring in Chromium on $name',
  (fixture) => {
    it('builds the same text model as jsdom', async () => {
      const page = await openFixture(fixture);

      const inChromium = await page.evaluate(
        () => window.peerclipAnchoring.buildTextModel(document.body).text,
      );

      expect(inChromium).toBe(await textModelInJsdom(fixture));
      await page.close();
    });

    it.each(['none', 'top', 'before'] as const)(
      'finds every selected passage again after change: %s',
      async (change) => {
        const page = await openFixture(fixture);

        const misses = await page.evaluate(findPassagesAgain, change);

        expect(misses).toEqual([]);
        await page.close();
      },
    );

    it('picks the right occurrence of every repeated sentence', async () => {
      const page = await openFixture(fixture);

      const misses = await page.evaluate(findRepeatsAgain);

      expect(misses).toEqual([]);
      await page.close();
    });
  },
);

describe('capture in Chromium', () => {
  it('clips the part of a textarea that is selected', async () => {
    const wiki = listFixturePages().find(
      (fixture) => fixture.name === 'wiki-cold-chain.html',
    );
    const page = await openFixture(wiki as FixturePage);
    await page.evaluate(() => {
      const field = document.createElement('textarea');
      field.value = 'Reference HLFU 204518-3, gate 3.';
      document.body.prepend(field);
      field.focus();
      field.setSelectionRange(10, 23);
    });

    const result = await page.evaluate(() =>
      window.peerclipAnchoring.captureSelection(window),
    );

    expect(result.ok && result.capture.quote).toBe('HLFU 204518-3');
    await page.close();
  });
});

describe.each(listFixturePages().filter((f) => f.name.includes('hostile')))(
  'capture in Chromium of the hostile $name',
  (fixture) => {
    it('leaves nothing off the allow-list in the snippet', async () => {
      const page = await openFixture(fixture);

      const problems = await page.evaluate(() => {
        const article = document.querySelector('#kb-body, article') as Node;
        getSelection()?.selectAllChildren(article);
        const result = window.peerclipAnchoring.captureSelection(window);
        if (!result.ok) return [result.reason];
        const inert = document.implementation.createHTMLDocument('');
        inert.body.innerHTML = result.capture.snippet;
        return window.peerclipAnchoring.findDisallowedMarkup(inert.body);
      });

      expect(problems).toEqual([]);
      await page.close();
    });
  },
);
