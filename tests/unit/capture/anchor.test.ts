// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchor } from '@/utils/capture/anchor';
import { describeRange } from '@/utils/capture/describe';
import { readableText } from '@/utils/capture/readable-text';
import { buildTextModel } from '@/utils/capture/text-model';
import type { TextPositionSelector } from '@/utils/models/clip';
import {
  insertTextBefore,
  pickPassages,
  repeatedSentences,
  type Passage,
} from '../../e2e/helpers/capture-bundle-passages';
import { listFixturePages } from '../../helpers/fixture-pages';

const INSERTED = 'A notice added to the page after the clip was made.';

function load(file: string): Document {
  return new DOMParser().parseFromString(
    readFileSync(file, 'utf8'),
    'text/html',
  );
}

function rangeOf(passage: Passage): Range {
  const range = passage.startNode.ownerDocument.createRange();
  range.setStart(passage.startNode, passage.startOffset);
  range.setEnd(passage.endNode, passage.endOffset);
  return range;
}

function describeOrFail(range: Range, root: Node) {
  const description = describeRange(range, root);
  if (!description) throw new Error('the passage holds no text');
  return description;
}

function prependNotice(document: Document, repeat = 1): void {
  const notice = document.createElement('p');
  notice.textContent = INSERTED.repeat(repeat);
  document.body.prepend(notice);
}

const pages = listFixturePages();

describe.each(pages)('describeRange and anchor on $name', (page) => {
  it.each([0, 1, 2])('find passage %i again unchanged', (index) => {
    const document = load(page.file);
    const passage = pickPassages(document)[index] as Passage;
    const described = describeOrFail(rangeOf(passage), document.body);

    const found = anchor(described.selectors, document.body);

    expect(found && readableText(found)).toBe(described.quote);
  });

  it.each([0, 1, 2])(
    'find passage %i again after text is inserted at the top',
    (index) => {
      const document = load(page.file);
      const passage = pickPassages(document)[index] as Passage;
      const described = describeOrFail(rangeOf(passage), document.body);
      prependNotice(document);

      const found = anchor(described.selectors, document.body);

      expect(found?.startContainer).toBe(described.range.startContainer);
      expect(found && readableText(found)).toBe(described.quote);
    },
  );

  it.each([0, 1, 2])(
    'find passage %i again after text is inserted right before it',
    (index) => {
      const document = load(page.file);
      const passage = pickPassages(document)[index] as Passage;
      const described = describeOrFail(rangeOf(passage), document.body);
      insertTextBefore(passage.startNode, INSERTED);

      const found = anchor(described.selectors, document.body);

      expect(found?.startOffset).toBe(described.range.startOffset);
      expect(found?.startContainer).toBe(described.range.startContainer);
    },
  );

  it('picks the right occurrence of every repeated sentence', () => {
    const document = load(page.file);
    const model = buildTextModel(document.body);
    const repeats = [...repeatedSentences(model.text).keys()];
    const ranges = repeats.flatMap((sentence) => occurrences(model, sentence));
    const described = ranges.map((range) =>
      describeOrFail(range, document.body),
    );
    // Longer than the gap between repeats: nearness alone would pick wrong.
    prependNotice(document, 100);

    const misses = described.filter((description) => {
      const found = anchor(description.selectors, document.body);
      return (
        found?.startContainer !== description.range.startContainer ||
        found.startOffset !== description.range.startOffset
      );
    });

    expect(misses.map((miss) => miss.quote)).toEqual([]);
  });
});

function occurrences(
  model: ReturnType<typeof buildTextModel>,
  sentence: string,
): Range[] {
  const ranges: Range[] = [];
  for (
    let index = model.text.indexOf(sentence);
    index >= 0;
    index = model.text.indexOf(sentence, index + 1)
  ) {
    const range = describeRangeAt(model, index, index + sentence.length);
    if (range) ranges.push(range);
  }
  return ranges;
}

function describeRangeAt(
  model: ReturnType<typeof buildTextModel>,
  start: number,
  end: number,
): Range | null {
  const position: TextPositionSelector = {
    type: 'TextPositionSelector',
    start,
    end,
  };
  return anchor([position], model.root);
}

describe('repeated sentences of the own policy page', () => {
  it('finds the equipment sentence many times', () => {
    const page = pages.find((p) => p.name === 'policy-remote-work.html');
    const document = load(page?.file ?? '');
    const text = buildTextModel(document.body).text;

    const repeats = repeatedSentences(text);

    expect([...repeats.values()].some((offsets) => offsets.length >= 8)).toBe(
      true,
    );
  });
});
