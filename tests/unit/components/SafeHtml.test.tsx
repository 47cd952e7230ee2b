// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SafeHtml } from '@/components/shared/SafeHtml';
import { findDisallowedMarkup } from '@/utils/capture/sanitize-snippet';
import { axeViolations } from '../fakes/axe';

const HOSTILE =
  '<p>Before <img src="x" onerror="alert(1)">middle ' +
  '<a href="javascript:alert(2)">link</a> after</p>' +
  '<script>alert(3)</script><style>p{}</style>' +
  '<p style="color:red">Styled text</p>';

describe('SafeHtml', () => {
  afterEach(cleanup);

  it('renders nothing off the allow-list', () => {
    const { container } = render(<SafeHtml html={HOSTILE} />);

    expect(findDisallowedMarkup(container)).toEqual([]);
  });

  it('keeps the harmless text around the hostile markup', () => {
    const { container } = render(<SafeHtml html={HOSTILE} />);

    expect(container.textContent).toBe('Before middle link afterStyled text');
  });

  it('keeps a safe link that points at the web', () => {
    const { container } = render(
      <SafeHtml html='<a href="https://wiki.example/a">wiki</a>' />,
    );

    expect(container.querySelector('a')?.getAttribute('href')).toBe(
      'https://wiki.example/a',
    );
  });

  it('passes an accessibility check', async () => {
    const { container } = render(<SafeHtml html="<ul><li>One</li></ul>" />);

    expect(await axeViolations(container)).toEqual([]);
  });
});
