import { describe, expect, it } from 'vitest';
import { parseNote } from '@/utils/markdown/parse-note';

const text = (value: string) => ({ kind: 'text', text: value });

describe('parseNote', () => {
  it('splits paragraphs on blank lines', () => {
    const actual = parseNote('First.\n\nSecond.');

    expect(actual).toEqual([
      { kind: 'paragraph', children: [text('First.')] },
      { kind: 'paragraph', children: [text('Second.')] },
    ]);
  });

  it('reads a bulleted list', () => {
    const actual = parseNote('- gloves\n* boots');

    expect(actual).toEqual([
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: [[text('gloves')], [text('boots')]],
      },
    ]);
  });

  it('reads a numbered list from its first number', () => {
    const [list] = parseNote('3. lift\n4. carry');

    expect(list).toMatchObject({ kind: 'list', ordered: true, start: 3 });
  });

  it('reads a quote with its own paragraphs', () => {
    const actual = parseNote('> Said once.\n>\n> Said twice.');

    expect(actual).toEqual([
      {
        kind: 'quote',
        children: [
          { kind: 'paragraph', children: [text('Said once.')] },
          { kind: 'paragraph', children: [text('Said twice.')] },
        ],
      },
    ]);
  });

  it('keeps HTML as text', () => {
    const actual = parseNote('<img src=x onerror=alert(1)>');

    expect(actual).toEqual([
      { kind: 'paragraph', children: [text('<img src=x onerror=alert(1)>')] },
    ]);
  });

  it('stops nesting quotes after four levels', () => {
    const [outer] = parseNote('>'.repeat(5_000) + ' deep');

    expect(JSON.stringify(outer)).toContain('> deep');
  });
});
