// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDisallowedMarkup } from '../../utils/capture/snippet-allow-list';
import type { Clip } from '../../utils/models/clip';
import { listFixturePages } from '../helpers/fixture-pages';
import {
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-server';
import { clipInWorker } from './helpers/clip-in-worker';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from './helpers/extension-browser';
import { readable } from './helpers/page-selection';
import {
  describeRendered,
  parseSnippet,
  rebuild,
} from './helpers/rendered-dom';
import { openDraftTitled } from './helpers/side-panel-page';
import { storedClip, writeClipDirectly } from './helpers/stored-clips';

const HOSTILE_PAGES = listFixturePages().filter((page) =>
  page.name.startsWith('hostile'),
);

/**
 * The harmless passages of a hostile article: paragraphs, items, cells and
 * headings outside any payload, as a reader sees them.
 */
function harmlessPassages(article: ParentNode): string[] {
  const unsafe = 'script, style, svg, math, template, noscript, textarea, form';
  return Array.from(article.querySelectorAll('p, li, td, th, h2, h3'))
    .filter((element) => !element.closest(unsafe))
    .map((element) => readable(element.textContent ?? ''))
    .filter((text) => text.length > 0 && !text.includes('__pwned'));
}

/** The article of a hostile fixture page, parsed inertly. */
async function hostileArticle(file: string): Promise<Element> {
  const html = await readFile(file, 'utf8');
  const article = parseSnippet(html).querySelector('#kb-body, article');
  if (!article) throw new Error(`${file} has no article`);
  return article;
}

/** Selects the whole hostile article, every vector included. */
async function selectArticle(page: Page): Promise<void> {
  await page.evaluate(() => {
    const article = document.querySelector('#kb-body, article') as Element;
    const range = document.createRange();
    range.selectNodeContents(article);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  });
}

function rawDraft(id: string, snippet: string): Clip {
  const time = new Date().toISOString();
  return {
    id,
    kind: 'selection',
    sourceUrl: 'https://kb.example/hostile',
    canonicalUrl: 'https://kb.example/hostile',
    title: `Raw hostile draft ${id}`,
    site: 'kb.example',
    quote: 'Raw hostile snippet',
    quoteTruncated: false,
    selectors: [],
    snippet,
    byline: '',
    excerpt: '',
    note: '',
    tags: [],
    topicId: null,
    state: 'draft',
    visibility: 'organisation',
    createdAt: time,
    updatedAt: time,
  };
}

describe('sanitising hostile snippets', () => {
  let server: FixtureServer;
  let extension: ExtensionBrowser;
  let panel: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    extension = await launchExtensionBrowser();
    panel = await extension.openExtensionPage('sidepanel.html');
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  describe.each(HOSTILE_PAGES.map((page) => [page.name, page]))(
    '%s',
    (_name, fixture) => {
      it('stores a snippet with nothing off the allow-list (layer 1)', async () => {
        const page = await extension.browser.newPage();
        const url = server.urlOf(fixture.urlPath);
        await page.goto(url);
        await selectArticle(page);

        const outcome = await clipInWorker(extension.worker, url, 'selection');
        const clip = outcome.ok
          ? await storedClip(panel, outcome.clipId)
          : undefined;
        await page.close();

        expect(findDisallowedMarkup(parseSnippet(clip?.snippet ?? ''))).toEqual(
          [],
        );
        const text = readable(
          parseSnippet(clip?.snippet ?? '').textContent ?? '',
        );
        const article = await hostileArticle(fixture.file);
        expect(
          harmlessPassages(article).filter(
            (passage) => !text.includes(passage),
          ),
        ).toEqual([]);
      });

      it('renders a raw hostile snippet with nothing off the allow-list (layer 2)', async () => {
        const article = await hostileArticle(fixture.file);
        const id = `raw-${fixture.name}`;
        await writeClipDirectly(panel, rawDraft(id, article.innerHTML));

        await panel.reload();
        await openDraftTitled(panel, `Raw hostile draft ${id}`);
        const rendered = rebuild(await describeRendered(panel, '.snippet'));

        expect(findDisallowedMarkup(rendered)).toEqual([]);
        const text = readable(rendered.textContent ?? '');
        expect(
          harmlessPassages(article).filter(
            (passage) => !text.includes(passage),
          ),
        ).toEqual([]);
      });
    },
  );
});
