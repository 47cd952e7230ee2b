import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createRejectionsModel } from '@/utils/models/rejections-model';
import { rejections, type RejectedChange } from '@/utils/sync/rejections';
import { freshDatabase } from '../fakes/database';

const REFUSED: RejectedChange = {
  changeId: 'change-1',
  clipId: 'clip-1',
  type: 'clip.upsert',
  reason: 'note: longer than 20000 characters',
  code: '22001',
  rejectedAt: '2026-12-03T10:00:00.000Z',
};

function until(check: () => boolean) {
  return expect.poll(check, { timeout: 1000 }).toBe(true);
}

describe('createRejectionsModel', () => {
  it('lists what the server refused, live', async () => {
    const db = freshDatabase();
    const model = createRejectionsModel({
      observeRejections: () => liveQuery(() => rejections.list(db)),
      dismiss: (changeId) => rejections.dismiss(db, changeId),
    });

    await rejections.add(db, [REFUSED]);

    await until(() => model.rejected.value.length === 1);
    model.dispose();
  });

  it('forgets a refused change once dismissed', async () => {
    const db = freshDatabase();
    await rejections.add(db, [REFUSED]);
    const model = createRejectionsModel({
      observeRejections: () => liveQuery(() => rejections.list(db)),
      dismiss: (changeId) => rejections.dismiss(db, changeId),
    });
    await until(() => model.rejected.value.length === 1);

    await model.dismiss('change-1');

    await until(() => model.rejected.value.length === 0);
    model.dispose();
  });

  it('keeps a failed dismissal as a problem in plain words', async () => {
    const model = createRejectionsModel({
      observeRejections: () => liveQuery(async () => [REFUSED]),
      dismiss: () =>
        Promise.reject(
          Object.assign(new Error('The disk is full.'), { code: 'quota' }),
        ),
    });

    await model.dismiss('change-1');

    expect(model.problem.value).toBe('The disk is full.');
    model.dispose();
  });
});
