import { describe, expect, it } from 'vitest';
import type { PeerReplies } from '@/utils/messages/peer-protocol';
import { createFollowsModel } from '@/utils/models/follows-model';
import { fakeDirectory } from '../fakes/directory-fakes';

function directoryAnswer(people: string[]): PeerReplies['directory'] {
  const directory = fakeDirectory();
  return {
    ok: true,
    value: { ...directory, follows: { people, topics: [] } },
    fetchedAt: '2026-12-03T09:00:00.000Z',
    stale: false,
  };
}

describe('createFollowsModel', () => {
  it('reads whom the reader follows from the directory', async () => {
    const follows = createFollowsModel({
      directory: async () => directoryAnswer(['bob-id']),
      follow: async () => ({ ok: true }),
    });

    await follows.load();

    expect([...follows.people.value]).toEqual(['bob-id']);
  });

  it('follows at once and keeps it when the workspace agrees', async () => {
    const follows = createFollowsModel({
      directory: async () => directoryAnswer([]),
      follow: async () => ({ ok: true }),
    });

    await follows.toggle('carol-id', true);

    expect([...follows.people.value, follows.problem.value]).toEqual([
      'carol-id',
      null,
    ]);
  });

  it('puts the follow back and says why when refused', async () => {
    const follows = createFollowsModel({
      directory: async () => directoryAnswer([]),
      follow: async () => ({
        ok: false,
        code: 'offline',
        message: 'The workspace cannot be reached.',
      }),
    });

    await follows.toggle('carol-id', true);

    expect([follows.people.value.size, follows.problem.value]).toEqual([
      0,
      'The workspace cannot be reached.',
    ]);
  });
});
