// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewFeedback } from '@/components/sidepanel/detail/ReviewFeedback';
import type { LocalReview } from '@/utils/store/discussion-types';
import { axeViolations } from '../fakes/axe';
import { fakeLocalReview } from '../fakes/peer-fakes';

const NOW = new Date('2026-12-03T12:00:00.000Z');

/** Carol's review of the text the clip holds now, with `overrides`. */
function review(overrides: Partial<LocalReview>): LocalReview {
  return fakeLocalReview({
    contentHash: 'hash-1',
    createdAt: '2026-12-03T10:00:00.000Z',
    ...overrides,
  });
}

describe('ReviewFeedback', () => {
  afterEach(cleanup);

  it('shows what the reviewer asked to improve', () => {
    render(
      <ReviewFeedback
        reviews={[review({})]}
        now={NOW}
        nameOf={() => 'Carol'}
      />,
    );

    expect(screen.getByText('Name the weight limit.')).toBeTruthy();
  });

  it('leaves out approvals', () => {
    const { container } = render(
      <ReviewFeedback reviews={[review({ verdict: 'approve' })]} now={NOW} />,
    );

    expect(container.textContent).toBe('');
  });

  it('passes an accessibility check', async () => {
    const { container } = render(
      <ReviewFeedback reviews={[review({})]} now={NOW} />,
    );

    expect(await axeViolations(container)).toEqual([]);
  });
});
