import { readFileSync } from 'node:fs';
import type { FixturePage } from '../../helpers/fixture-pages';
import {
  hostilePages,
  hostileVectors,
  normalise,
} from '../../unit/capture/helpers/hostile-vectors';

/**
 * A peer's clip made of one hostile page's payloads: every field a peer
 * writes carries markup a renderer must not obey.
 */
export interface HostilePayload {
  page: FixturePage;
  title: string;
  /** The article as a reader sees it: script text and escaped tags too. */
  quote: string;
  /** Every vector's markup, as a Markdown note. */
  note: string;
  /** The whole article's markup. */
  snippet: string;
  tags: string[];
  /** One comment per vector: the vector's markup with its neighbours. */
  comments: string[];
  /** Text the rendered snippet and full quote must still show. */
  passages: string[];
  /** The passages within the quote's excerpt, which the feed sends. */
  excerptPassages: string[];
  /** Text the rendered note must still show. */
  noteText: string[];
  /** Text each rendered comment must still show, by comment. */
  commentText: string[][];
}

// How much of a long quote feed_page sends.
const QUOTE_EXCERPT_LENGTH = 1000;

// Words around a title vector, to see that the vector alone went.
const TITLE_BEFORE = 'Customs guide';
const TITLE_AFTER = 'for brokers';

/** The article of a hostile page, parsed without running anything. */
function articleOf(file: string): Element {
  const document = new DOMParser().parseFromString(
    readFileSync(file, 'utf8'),
    'text/html',
  );
  const article = document.querySelector('#kb-body, article');
  if (!article) throw new Error(`${file} has no article`);
  return article;
}

/**
 * The passages of an article a reader reads: paragraphs, items, cells and
 * headings outside any payload.
 */
function passagesOf(article: Element): string[] {
  const unsafe = 'script, style, svg, math, template, noscript, textarea, form';
  return Array.from(article.querySelectorAll('p, li, td, th, h2, h3'))
    .filter((element) => !element.closest(unsafe))
    .map((element) => normalise(element.textContent ?? ''))
    .filter((text) => text.length > 0 && !text.includes('__pwned'));
}

/**
 * Harmless text of a vector that its markup spells out literally: shown
 * as text, markup reads as its source, so text written with entities
 * (`&lt;`) reads as the entity and is not looked for.
 */
function literalText(html: string, harmless: string[]): string[] {
  const source = normalise(html);
  return harmless.filter((piece) => source.includes(piece));
}

/** The hostile clip of one page. */
export function hostilePayload(page: FixturePage): HostilePayload {
  const article = articleOf(page.file);
  const vectors = hostileVectors(page.file, page.name);
  const note = vectors.map((vector) => vector.html).join('\n\n');
  const comments = vectors.map((vector) => vector.html.slice(0, 10_000));
  const quote = normalise(article.textContent ?? '');
  const passages = passagesOf(article);
  const excerpt = quote.slice(0, QUOTE_EXCERPT_LENGTH);

  return {
    page,
    title:
      `${TITLE_BEFORE} <img src=x onerror=alert(1)>` +
      `<script>alert(2)</script> ${TITLE_AFTER}`,
    quote,
    note: note.slice(0, 20_000),
    snippet: article.innerHTML,
    tags: ['<img src=x onerror=alert(3)>', '"><svg onload=alert(4)>'],
    comments,
    passages,
    excerptPassages: passages.filter((passage) => excerpt.includes(passage)),
    noteText: literalText(
      note.slice(0, 20_000),
      vectors.flatMap((v) => v.harmless),
    ),
    commentText: vectors.map((vector, index) =>
      literalText(comments[index] ?? '', vector.harmless),
    ),
  };
}

/** The hostile clips of every hostile page: own and shared. */
export function hostilePayloads(): HostilePayload[] {
  return hostilePages().map(hostilePayload);
}

/** The words around the title's vectors. */
export const TITLE_WORDS = [TITLE_BEFORE, TITLE_AFTER];
