// @vitest-environment jsdom
import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DraftPublishing,
  type DraftPublishingProps,
} from '@/components/sidepanel/DraftPublishing';
import type { LiveSource } from '@/utils/models/drafts-model';
import { createPublishModel } from '@/utils/models/publish-model';
import type { StoredClip } from '@/utils/store/database';
import type { LocalReview } from '@/utils/store/discussion-types';
import { axeViolations } from '../fakes/axe';
import { fakeDirectory, fakeGuide } from '../fakes/directory-fakes';
import { fakeAnswer, fakeLocalReview } from '../fakes/peer-fakes';

const NOW = new Date('2026-12-03T12:00:00.000Z');

/** Alice's workspace with no topics and a one-item checklist. */
const DIRECTORY = fakeDirectory({
  topics: [],
  guide: fakeGuide({ checklist: ['The source is internal.'], version: 2 }),
});

function draft(overrides: Partial<StoredClip> = {}): StoredClip {
  return {
    id: 'clip-1',
    kind: 'selection',
    sourceUrl: 'https://wiki.example/lifting',
    canonicalUrl: 'https://wiki.example/lifting',
    title: 'Safe lifting',
    site: 'wiki.example',
    quote: 'Bend your knees.',
    quoteTruncated: false,
    selectors: [],
    snippet: '',
    byline: '',
    excerpt: '',
    note: '',
    tags: [],
    topicId: null,
    state: 'draft',
    visibility: 'organisation',
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    ...overrides,
  };
}

const CHANGES_ASKED = fakeLocalReview();

/** A live source that emits once and counts who still listens. */
function reviewsSource(reviews: LocalReview[]) {
  const listening = { count: 0 };
  const observe = (): LiveSource<LocalReview[]> => ({
    subscribe(observer) {
      listening.count += 1;
      queueMicrotask(() => observer.next(reviews));
      return { unsubscribe: () => (listening.count -= 1) };
    },
  });
  return { observe, listening };
}

function renderPublishing(props: Partial<DraftPublishingProps> = {}) {
  const publish = createPublishModel({
    loadDirectory: async () => fakeAnswer(DIRECTORY, NOW.toISOString()),
    chooseTopic: async () => {},
    submitForPublishing: async () => {},
  });
  const reviews = reviewsSource([]);
  const view = render(
    <DraftPublishing
      draft={draft()}
      publish={publish}
      observeReviews={reviews.observe}
      signedIn
      now={NOW}
      {...props}
    />,
  );
  return { ...view, reviews };
}

describe('DraftPublishing', () => {
  afterEach(cleanup);

  it('opens the publishing checklist of a draft', async () => {
    renderPublishing();

    fireEvent.click(screen.getByRole('button', { name: 'Publish…' }));

    expect(
      await screen.findByRole('form', { name: 'Publishing checklist' }),
    ).toBeTruthy();
  });

  it("says the clip goes to review when the author's team asks", async () => {
    renderPublishing();

    fireEvent.click(screen.getByRole('button', { name: 'Publish…' }));

    expect(
      await screen.findByText(/your team asks for an approval/),
    ).toBeTruthy();
  });

  it('asks a reader who is not signed in to sign in', () => {
    renderPublishing({ signedIn: false });

    expect([
      screen.getByText(/Sign in to a workspace/),
      screen.queryByRole('button', { name: 'Publish…' }),
    ]).toEqual([expect.anything(), null]);
  });

  it('says a draft is on its way instead of offering it again', () => {
    renderPublishing({ draft: draft({ submitting: true }) });

    expect(screen.getByRole('status').textContent).toMatch(
      /Sending for publishing/,
    );
  });

  it('offers no publishing for a clip already in review', () => {
    renderPublishing({ draft: draft({ state: 'in_review' }) });

    expect(screen.queryByRole('button', { name: 'Publish…' })).toBeNull();
  });

  it('shows what a reviewer asked to change', async () => {
    const { observe } = reviewsSource([CHANGES_ASKED]);

    renderPublishing({ observeReviews: observe });

    expect(await screen.findByText('Name the weight limit.')).toBeTruthy();
  });

  it('stops listening for reviews once closed', async () => {
    const { reviews, unmount } = renderPublishing();
    await waitFor(() => expect(reviews.listening.count).toBe(1));

    unmount();

    await waitFor(() => expect(reviews.listening.count).toBe(0));
  });

  it('passes an accessibility check with feedback shown', async () => {
    const { observe } = reviewsSource([CHANGES_ASKED]);
    const { container } = renderPublishing({ observeReviews: observe });
    await screen.findByText('Name the weight limit.');

    expect(await axeViolations(container)).toEqual([]);
  });
});
