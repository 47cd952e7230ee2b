// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  captureArticle,
  capturePageStart,
} from '@/utils/capture/capture-article';
import type { Capture, CaptureResult } from '@/utils/capture/capture-result';
import { findDisallowedMarkup } from '@/utils/capture/snippet-allow-list';
import { OWN_FIXTURES_DIR } from '../../helpers/fixture-pages';

function openPage(html: string): void {
  document.documentElement.innerHTML = html
    .replace(/^<!doctype html>/i, '')
    .replace(/<\/?html[^>]*>/g, '');
}

function openFixture(name: string): void {
  openPage(readFileSync(`${OWN_FIXTURES_DIR}/${name}`, 'utf8'));
}

function captureOf(result: CaptureResult): Capture {
  if (!result.ok) throw new Error(result.message);
  return result.capture;
}

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('captureArticle', () => {
  it('reads the title and byline of a wiki page', () => {
    openFixture('wiki-cold-chain.html');

    const capture = captureOf(captureArticle(window));

    expect(capture.title).toBe('Cold chain: receiving reefer containers');
    expect(capture.byline).toBe('Priya Okonkwo-Lindqvist');
  });

  it('quotes the article text and not the page tree', () => {
    openFixture('wiki-cold-chain.html');

    const capture = captureOf(captureArticle(window));

    expect(capture.quote).toContain('Plug the unit in within twenty minutes');
    expect(capture.quote).not.toContain('Yard planning');
  });

  it('keeps the article table in the snippet', () => {
    openFixture('wiki-cold-chain.html');

    const capture = captureOf(captureArticle(window));

    expect(capture.snippet).toContain('<td>Vaccines and medicines</td>');
  });

  it('sanitises the article of a hostile page and keeps its text', () => {
    openFixture('hostile-customs-kb.html');
    const capture = captureOf(captureArticle(window));
    const rendered = document.createElement('div');

    rendered.innerHTML = capture.snippet;

    expect(findDisallowedMarkup(rendered)).toEqual([]);
    expect(rendered.textContent).toContain('book a new gate slot');
  });

  it('makes a page clip without selectors', () => {
    openFixture('policy-remote-work.html');

    const capture = captureOf(captureArticle(window));

    expect([capture.kind, capture.selectors]).toEqual(['page', []]);
  });

  it('falls back to title, description and the start of the text', () => {
    openPage(
      '<head><title>Depot board</title><meta name="description" ' +
        'content="Live depot figures."></head><body><hl-kpi>Gate 3 ' +
        'open</hl-kpi><hl-kpi>Crane QC-04 down</hl-kpi></body>',
    );

    const capture = captureOf(captureArticle(window));

    expect(capture).toMatchObject({
      title: 'Depot board',
      excerpt: 'Live depot figures.',
      quote: 'Gate 3 openCrane QC-04 down',
    });
  });

  it('keeps only the first 2,000 characters in the fallback', () => {
    openPage(`<body><hl-log>${'x'.repeat(5_000)}</hl-log></body>`);

    const capture = captureOf(capturePageStart(window));

    expect(capture.quote.length).toBe(2_000);
  });

  it('reports an empty page', () => {
    openPage('<body><div>   </div></body>');

    const result = captureArticle(window);

    expect(result).toMatchObject({ ok: false, reason: 'empty-page' });
  });
});
