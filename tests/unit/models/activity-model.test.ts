import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createActivityModel,
  type ActivityServices,
} from '@/utils/models/activity-model';
import { fakeActivity } from '../fakes/peer-fakes';

const SEEN_AT = '2026-12-03T09:00:00.000Z';

/** Bob's comments, endorsement and review on two of Alice's clips. */
const ITEMS = [
  fakeActivity('comment', 'clip-lifting', '2026-12-03T11:00:00.000Z'),
  fakeActivity('endorsement', 'clip-travel', '2026-12-03T08:00:00.000Z'),
  fakeActivity('comment', 'clip-lifting', '2026-12-02T10:00:00.000Z'),
  fakeActivity('review', 'clip-lifting', '2026-12-01T10:00:00.000Z'),
];

function fakeServices(overrides: Partial<ActivityServices> = {}) {
  const seenMarks: number[] = [];
  const services: ActivityServices = {
    recent: async () => ITEMS,
    seenAt: async () => SEEN_AT,
    titles: async (ids) =>
      new Map(
        ids
          .filter((id) => id === 'clip-lifting')
          .map((id) => [id, 'Safe lifting']),
      ),
    markSeen: async () => {
      seenMarks.push(Date.now());
    },
    ...overrides,
  };
  return { services, seenMarks };
}

describe('createActivityModel', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gathers one line per clip with its counts', async () => {
    const model = createActivityModel(fakeServices().services);

    await model.load();

    expect(
      model.clips.value?.map(
        ({ title, comments, endorsements, reviews }) =>
          `${title}: ${comments}/${endorsements}/${reviews}`,
      ),
    ).toEqual(['Safe lifting: 2/0/1', 'Untitled clip: 0/1/0']);
  });

  it('marks new a clip with news since the last look', async () => {
    const model = createActivityModel(fakeServices().services);

    await model.load();

    expect(model.clips.value?.map((clip) => clip.unseen)).toEqual([
      true,
      false,
    ]);
  });

  it('puts the clip with the latest activity first', async () => {
    const model = createActivityModel(
      fakeServices({ recent: async () => [...ITEMS].reverse() }).services,
    );

    await model.load();

    expect(model.clips.value?.map((clip) => clip.latestAt)).toEqual([
      '2026-12-03T11:00:00.000Z',
      '2026-12-03T08:00:00.000Z',
    ]);
  });

  it('records that the reader looked once the list is read', async () => {
    const { services, seenMarks } = fakeServices();
    const model = createActivityModel(services);

    await model.load();

    expect(seenMarks).toHaveLength(1);
  });

  it('keeps nothing new when the reader never missed anything', async () => {
    const model = createActivityModel(
      fakeServices({ seenAt: async () => '2026-12-04T00:00:00.000Z' }).services,
    );

    await model.load();

    expect(model.clips.value?.some((clip) => clip.unseen)).toBe(false);
  });

  it('says why activity cannot be read, marking nothing seen', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { services, seenMarks } = fakeServices({
      recent: () => Promise.reject(new Error('IndexedDB is closed.')),
    });
    const model = createActivityModel(services);

    await model.load();

    expect([model.problem.value?.message, seenMarks.length]).toEqual([
      'Activity could not be read.',
      0,
    ]);
  });

  it('keeps the list when marking it seen fails', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const model = createActivityModel(
      fakeServices({
        markSeen: () => Promise.reject(new Error('Quota exceeded.')),
      }).services,
    );

    await model.load();

    expect([model.clips.value?.length, model.problem.value]).toEqual([2, null]);
  });
});
