import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import { createOrganisation, type Organisation } from './helpers/rules-org.ts';
import { newClipChange, push } from './helpers/rules-sync.ts';

let db: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

describe('push_changes bad input', () => {
  const tooManyTags = Array.from({ length: 21 }, (_, i) => `t${i}`);
  it.each([
    ['an unknown field', { colour: 'red' }, 'unknown field: colour'],
    [
      'a quote over the limit',
      { quote: 'q'.repeat(100_001) },
      'quote: longer than 100000 characters',
    ],
    [
      'a snippet over 500,000 bytes',
      { snippet: 'é'.repeat(250_001) },
      'snippet: longer than 500000 bytes',
    ],
    [
      'a note over the limit',
      { note: 'n'.repeat(20_001) },
      'note: longer than 20000 characters',
    ],
    ['21 tags', { tags: tooManyTags }, 'tags: more than 20 tags'],
    [
      'a tag of 51 characters',
      { tags: ['x'.repeat(51)] },
      'tags: each tag is 1 to 50 characters of text',
    ],
    [
      'a tag that is a number',
      { tags: [7] },
      'tags: each tag is 1 to 50 characters of text',
    ],
    [
      'a file URL',
      { source_url: 'file:///etc/passwd' },
      'source_url: must be an http or https URL',
    ],
    [
      'a URL without host',
      { canonical_url: 'https://' },
      'canonical_url: must be an http or https URL',
    ],
    [
      'an unknown visibility',
      { visibility: 'public' },
      'visibility: must be one of team, organisation',
    ],
    [
      'an unknown kind',
      { kind: 'video' },
      'kind: must be one of selection, page',
    ],
    ['an id that is no UUID', { id: 'clip-1' }, 'id: must be a UUID'],
    ['a title that is a number', { title: 42 }, 'title: must be a string'],
    [
      'a flag that is a string',
      { quote_truncated: 'yes' },
      'quote_truncated: must be true or false',
    ],
    [
      'selectors that are a string',
      { selectors: 'here' },
      'selectors: must be an array of up to 20 objects',
    ],
    [
      'a new clip already published',
      { state: 'published' },
      'a new clip starts as a draft',
    ],
  ])('rejects %s', async (_label, fields, reason) => {
    const [result] = await push(org, 'author', [newClipChange(fields)]);

    expect(result).toMatchObject({ status: 'rejected', reason });
  });

  it.each([
    [42, 'a change must be a JSON object'],
    [{ type: 'clip.upsert', record: {} }, 'change_id: required'],
    [
      { change_id: randomUUID(), type: 'clip.burn', record: {} },
      'type: must be one of clip.upsert, clip.delete, clip.submit, ' +
        'comment.upsert, comment.delete, endorsement.create, ' +
        'endorsement.withdraw, review.create',
    ],
    [
      { change_id: randomUUID(), type: 'clip.upsert' },
      'record: required, a JSON object',
    ],
    [
      { change_id: randomUUID(), type: 'clip.upsert', record: {}, extra: 1 },
      'unknown field: extra',
    ],
    [
      {
        change_id: randomUUID(),
        type: 'clip.upsert',
        base_version: 'x',
        record: {},
      },
      'base_version: must be a whole number',
    ],
  ])('rejects the malformed change %j', async (change, reason) => {
    const [result] = await push(org, 'author', [change]);

    expect(result).toMatchObject({ status: 'rejected', reason });
  });
});
