// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActivityView } from '@/components/sidepanel/ActivityView';
import {
  createActivityModel,
  type ActivityServices,
} from '@/utils/models/activity-model';
import { axeViolations } from '../fakes/axe';
import { fakeActivity } from '../fakes/peer-fakes';

/** Two comments and a review on one clip, an endorsement on another. */
const ITEMS = [
  fakeActivity('comment', 'clip-lifting', '2026-12-03T11:00:00.000Z'),
  fakeActivity('comment', 'clip-lifting', '2026-12-03T10:00:00.000Z'),
  fakeActivity('endorsement', 'clip-travel', '2026-12-02T08:00:00.000Z'),
  fakeActivity('review', 'clip-lifting', '2026-12-01T10:00:00.000Z'),
];

const TITLES = new Map([
  ['clip-lifting', 'Safe lifting'],
  ['clip-travel', 'Travel policy'],
]);

function renderActivity(overrides: Partial<ActivityServices> = {}) {
  const opened: string[] = [];
  const seen: string[] = [];
  const model = createActivityModel({
    recent: async () => ITEMS,
    seenAt: async () => '2026-12-03T09:00:00.000Z',
    titles: async () => TITLES,
    markSeen: async () => {
      seen.push('seen');
    },
    ...overrides,
  });
  const view = render(
    <ActivityView model={model} onOpen={(id) => opened.push(id)} />,
  );
  return { ...view, opened, seen };
}

async function lines() {
  const list = await screen.findByRole('list');
  return Array.from(list.querySelectorAll('li')).map((li) => li.textContent);
}

describe('ActivityView', () => {
  afterEach(cleanup);

  it('shows one line per clip with what happened on it', async () => {
    renderActivity();

    expect(await lines()).toEqual([
      'Safe lifting2 comments, 1 review · new',
      'Travel policy1 endorsement',
    ]);
  });

  it('marks the lines with news since the reader last looked', async () => {
    renderActivity();
    await lines();

    const unseen = document.querySelectorAll('li.unseen');

    expect(
      Array.from(unseen, (li) => li.querySelector('button')?.textContent),
    ).toEqual(['Safe lifting']);
  });

  it('records that the reader looked', async () => {
    const { seen } = renderActivity();

    await lines();

    expect(seen).toEqual(['seen']);
  });

  it('opens the clip of a line', async () => {
    const { opened } = renderActivity();

    fireEvent.click(
      await screen.findByRole('button', { name: 'Travel policy' }),
    );

    expect(opened).toEqual(['clip-travel']);
  });

  it('says so when nobody did anything yet', async () => {
    renderActivity({ recent: async () => [] });

    expect(await screen.findByText(/Nobody has commented/)).toBeTruthy();
  });

  it('says why instead of loading for ever when reading fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderActivity({ recent: () => Promise.reject(new Error('Closed.')) });

    const alert = await screen.findByRole('alert');

    expect([alert.textContent, screen.queryByRole('status')]).toEqual([
      'Activity could not be read.',
      null,
    ]);
    vi.restoreAllMocks();
  });

  it('passes an accessibility check', async () => {
    const { container } = renderActivity();
    await lines();

    expect(await axeViolations(container)).toEqual([]);
  });
});
