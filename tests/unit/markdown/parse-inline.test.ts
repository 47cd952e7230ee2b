import { describe, expect, it } from 'vitest';
import { httpHref, parseInline } from '@/utils/markdown/parse-inline';

describe('parseInline', () => {
  it('reads bold, italic and code', () => {
    const actual = parseInline('**bold** *italic* `a < b`');

    expect(actual).toEqual([
      { kind: 'strong', children: [{ kind: 'text', text: 'bold' }] },
      { kind: 'text', text: ' ' },
      { kind: 'emphasis', children: [{ kind: 'text', text: 'italic' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'a < b' },
    ]);
  });

  it('reads italic inside bold inside triple marks', () => {
    const actual = parseInline('***both***');

    expect(actual).toEqual([
      {
        kind: 'strong',
        children: [
          { kind: 'emphasis', children: [{ kind: 'text', text: 'both' }] },
        ],
      },
    ]);
  });

  it('leaves underscores inside words alone', () => {
    const actual = parseInline('snake_case_name');

    expect(actual).toEqual([{ kind: 'text', text: 'snake_case_name' }]);
  });

  it('keeps an unclosed mark as text', () => {
    const actual = parseInline('5 * 3 and *open');

    expect(actual).toEqual([{ kind: 'text', text: '5 * 3 and *open' }]);
  });

  it('makes a link of an https target', () => {
    const actual = parseInline('[the wiki](https://wiki.example/a_(b))');

    expect(actual).toEqual([
      {
        kind: 'link',
        href: 'https://wiki.example/a_(b)',
        children: [{ kind: 'text', text: 'the wiki' }],
      },
    ]);
  });

  it('shows a javascript link as the text it was written as', () => {
    const actual = parseInline('[click](javascript:alert(1))');

    expect(actual).toEqual([
      { kind: 'text', text: '[click](javascript:alert(1))' },
    ]);
  });

  it('turns a newline into a line break', () => {
    const actual = parseInline('one\ntwo');

    expect(actual.map((node) => node.kind)).toEqual(['text', 'break', 'text']);
  });

  it('makes an escaped mark literal', () => {
    const actual = parseInline('\\*not italic\\*');

    expect(actual).toEqual([{ kind: 'text', text: '*not italic*' }]);
  });

  it('reads a long run of unclosed marks quickly', () => {
    const source = '*a [b]( `c '.repeat(2_000);
    const started = performance.now();

    parseInline(source);

    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('httpHref', () => {
  it('refuses every scheme but http and https', () => {
    const actual = ['data:text/html,x', 'JaVaScRiPt:x', 'file:///etc'].map(
      httpHref,
    );

    expect(actual).toEqual([null, null, null]);
  });
});
