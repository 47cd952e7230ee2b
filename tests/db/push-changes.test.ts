import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import {
  arrange,
  createClip,
  createOrganisation,
  errorOf,
  queryAs,
  type Organisation,
} from './helpers/rules-org.ts';
import { newClipChange, push } from './helpers/rules-sync.ts';

let db: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

function recordId(change: Record<string, unknown>): string {
  return (change.record as { id: string }).id;
}

function editChange(clipId: string, baseVersion: number, note: string) {
  return {
    change_id: randomUUID(),
    type: 'clip.upsert',
    base_version: baseVersion,
    record: { id: clipId, note },
  };
}

describe('push_changes', () => {
  it('creates a draft and answers its version', async () => {
    const change = newClipChange();

    const [result] = await push(org, 'author', [change]);

    expect(result).toMatchObject({ status: 'applied', version: 1 });
  });

  it('changes nothing when the same batch comes twice', async () => {
    const batch = [newClipChange(), newClipChange()];
    const first = await push(org, 'author', batch);

    const second = await push(org, 'author', batch);

    expect(second).toEqual(first);
  });

  it('keeps one clip when a create is retried', async () => {
    const change = newClipChange();
    await push(org, 'author', [change]);

    await push(org, 'author', [change]);

    const rows = await arrange(org, 'select id from clips where id = $1', [
      recordId(change),
    ]);
    expect(rows).toHaveLength(1);
  });

  it('answers a retried update as the first time, not as a conflict', async () => {
    const create = newClipChange();
    await push(org, 'author', [create]);
    const edit = editChange(recordId(create), 1, 'Edited once.');
    await push(org, 'author', [edit]);

    const [retry] = await push(org, 'author', [edit]);

    expect(retry).toMatchObject({ status: 'applied', version: 2 });
  });

  it('answers a stale version with a conflict and the server row', async () => {
    const create = newClipChange();
    await push(org, 'author', [create]);
    await push(org, 'author', [editChange(recordId(create), 1, 'Phone.')]);

    const [result] = await push(org, 'author', [
      editChange(recordId(create), 1, 'Laptop.'),
    ]);

    expect(result).toMatchObject({
      status: 'conflict',
      server_version: 2,
      record: { note: 'Phone.' },
    });
  });

  it('applies the good changes of a batch with a bad one', async () => {
    const good = [newClipChange(), newClipChange()];
    const bad = newClipChange({ source_url: 'javascript:alert(1)' });

    const results = await push(org, 'author', [good[0], bad, good[1]]);

    expect(results.map((result) => result.status)).toEqual([
      'applied',
      'rejected',
      'applied',
    ]);
  });

  it('rolls back only the bad change of a batch', async () => {
    const good = newClipChange();
    const bad = newClipChange({ note: 'n'.repeat(20_001) });

    await push(org, 'author', [bad, good]);

    const rows = await arrange(
      org,
      'select id from clips where id = any($1::uuid[])',
      [[recordId(good), recordId(bad)]],
    );
    expect(rows).toEqual([{ id: recordId(good) }]);
  });

  it('refuses a batch that is not an array', async () => {
    const message = await errorOf(() =>
      queryAs(org, 'author', `select push_changes('{"a": 1}')`),
    );

    expect(message).toBe('batch must be a JSON array of changes');
  });

  it('is not callable by anon', async () => {
    const message = await errorOf(() =>
      queryAs(org, 'anon', `select push_changes('[]')`),
    );

    expect(message).toBe('permission denied for function push_changes');
  });
});

describe('push_changes on what hangs on clips', () => {
  it('rejects a comment on a draft and says why', async () => {
    const clipId = await createClip(org, { state: 'draft' });

    const [result] = await push(org, 'author', [
      {
        change_id: randomUUID(),
        type: 'comment.upsert',
        record: { id: randomUUID(), clip_id: clipId, body: 'Hi.' },
      },
    ]);

    expect(result).toMatchObject({
      status: 'rejected',
      reason: 'comments go only on published clips you can see',
    });
  });

  it('endorses and withdraws in one batch', async () => {
    const clipId = await createClip(org);
    const endorsementId = randomUUID();

    const results = await push(org, 'teammate', [
      {
        change_id: randomUUID(),
        type: 'endorsement.create',
        record: { id: endorsementId, clip_id: clipId, kind: 'peer' },
      },
      {
        change_id: randomUUID(),
        type: 'endorsement.withdraw',
        record: { id: endorsementId },
      },
    ]);

    expect(results.map((result) => result.status)).toEqual([
      'applied',
      'applied',
    ]);
  });

  it('reviews a clip waiting for review', async () => {
    const clipId = await createClip(org, { state: 'in_review' });

    const [result] = await push(org, 'teammate', [
      {
        change_id: randomUUID(),
        type: 'review.create',
        record: { id: randomUUID(), clip_id: clipId, verdict: 'approve' },
      },
    ]);

    expect(result).toMatchObject({ status: 'applied', entity: 'review' });
  });

  it('deletes a clip once, and again without error', async () => {
    const create = newClipChange();
    await push(org, 'author', [create]);
    const remove = (changeId: string) => ({
      change_id: changeId,
      type: 'clip.delete',
      base_version: 1,
      record: { id: recordId(create) },
    });
    await push(org, 'author', [remove(randomUUID())]);

    const [again] = await push(org, 'author', [remove(randomUUID())]);

    expect(again).toMatchObject({ status: 'applied', version: 2 });
  });

  it('sends a draft for review with the checklist version', async () => {
    const create = newClipChange();
    await push(org, 'author', [create]);

    const [result] = await push(org, 'author', [
      {
        change_id: randomUUID(),
        type: 'clip.submit',
        base_version: 1,
        record: {
          id: recordId(create),
          checklist_version: org.checklistVersion,
        },
      },
    ]);

    expect(result).toMatchObject({ status: 'applied', version: 2 });
  });
});
