import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import {
  createClip,
  createOrganisation,
  queryAs,
  type Organisation,
} from './helpers/rules-org.ts';
import { newClipChange, push } from './helpers/rules-sync.ts';

// Which changes the set-based path for new clips takes: exactly the creates
// that the per-change path would apply as they are. What is not taken goes
// the per-change way, which names the problem.

let db: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

/** The set-based path's answer for each change of a batch. */
async function flagsOf(batch: unknown): Promise<boolean[]> {
  const [row] = await queryAs(
    org,
    'author',
    'select private.clip_create_flags($1::jsonb) as flags',
    [JSON.stringify(batch)],
  );
  return row!.flags as boolean[];
}

/** The flag of one change alone in its batch. */
async function flagOf(change: unknown): Promise<boolean> {
  const [flag] = await flagsOf([change]);
  return flag!;
}

function withRecord(fields: Record<string, unknown>) {
  return newClipChange(fields);
}

function withChange(fields: Record<string, unknown>) {
  return { ...newClipChange(), ...fields };
}

const uuid = '0b7c6a9e-3f1d-4c2e-9a8b-1d2e3f4a5b6c';
const noHyphens = '0b7c6a9e3f1d4c2e9a8b1d2e3f4a5b6c';
// PostgreSQL's uuid type reads this one; the protocol does not.
const movedHyphens = '0b7c-6a9e3f1d-4c2e-9a8b-1d2e3f4a5b6c';
const tags = (count: number, text = 't') =>
  Array.from({ length: count }, (_, i) => `${text}${i}`.slice(-50));
const selectors = (count: number) =>
  Array.from({ length: count }, () => ({ type: 'TextQuoteSelector' }));

describe('clip_create_flags takes a new clip', () => {
  it.each([
    ['a create with every field', withRecord({ kind: 'page', byline: 'B' })],
    ['a clip id in capitals', withRecord({ id: uuid.toUpperCase() })],
    ['a change id in capitals', withChange({ change_id: uuid.toUpperCase() })],
    ['a null base version', withChange({ base_version: null })],
    ['a null topic', withRecord({ topic_id: null })],
    ['a topic id', withRecord({ topic_id: uuid })],
    ['null text fields', withRecord({ title: null, note: null })],
    ['state draft', withRecord({ state: 'draft' })],
    ['a null state and kind', withRecord({ state: null, kind: null })],
    ['a truncated quote', withRecord({ quote_truncated: true })],
    ['20 tags', withRecord({ tags: tags(20) })],
    ['a tag of 50 characters', withRecord({ tags: ['t'.repeat(50)] })],
    ['a tag of 50 accented letters', withRecord({ tags: ['é'.repeat(50)] })],
    ['a tag over two lines', withRecord({ tags: ['night\nshift'] })],
    ['no tags', withRecord({ tags: [] })],
    ['20 selectors', withRecord({ selectors: selectors(20) })],
    ['a title of 1,000 characters', withRecord({ title: 'x'.repeat(1000) })],
    ['a URL with a query', withRecord({ source_url: 'http://a/b?c=d#e' })],
    ['a URL of 2,048 characters', withRecord({ source_url: longUrl(2048) })],
  ])('takes %s', async (_label, change) => {
    expect(await flagOf(change)).toBe(true);
  });
});

describe('clip_create_flags leaves to the per-change path', () => {
  it.each([
    ['a change that is no object', 42],
    ['a record that is no object', withChange({ record: [] })],
    ['an unknown change field', withChange({ extra: 1 })],
    ['another type', withChange({ type: 'clip.delete' })],
    ['a base version', withChange({ base_version: 1 })],
    ['a change id that is a number', withChange({ change_id: 7 })],
    ['a change id in braces', withChange({ change_id: `{${uuid}}` })],
    ['a change id without hyphens', withChange({ change_id: noHyphens })],
    ['a change id with moved hyphens', withChange({ change_id: movedHyphens })],
    [
      'a change id with a letter g',
      withChange({ change_id: `g${uuid.slice(1)}` }),
    ],
    ['a change id with a new line', withChange({ change_id: `${uuid}\n` })],
    ['an unknown record field', withRecord({ colour: 'red' })],
    ['a clip id that is no UUID', withRecord({ id: 'clip-1' })],
    ['a topic id that is no UUID', withRecord({ topic_id: 'safety' })],
    ['a topic id that is a number', withRecord({ topic_id: 1 })],
    ['an unknown kind', withRecord({ kind: 'video' })],
    ['an unknown visibility', withRecord({ visibility: 'public' })],
    ['a published state', withRecord({ state: 'published' })],
    ['a flag that is a string', withRecord({ quote_truncated: 'yes' })],
    ['a missing source URL', withRecord({ source_url: undefined })],
    ['a URL that is a number', withRecord({ canonical_url: 5 })],
    ['a file URL', withRecord({ source_url: 'file:///etc/passwd' })],
    ['a URL without host', withRecord({ canonical_url: 'https://' })],
    ['a URL with a space', withRecord({ source_url: 'https://a/b c' })],
    ['a URL with a tab', withRecord({ canonical_url: 'https://a\t/b' })],
    ['a URL with a path first', withRecord({ source_url: 'https:///a' })],
    ['a URL of 2,049 characters', withRecord({ source_url: longUrl(2049) })],
    ['a title that is a number', withRecord({ title: 42 })],
    ['a title of 1,001 characters', withRecord({ title: 'x'.repeat(1001) })],
    ['a site of 256 characters', withRecord({ site: 's'.repeat(256) })],
    ['a note of 20,001 characters', withRecord({ note: 'n'.repeat(20001) })],
    [
      'a snippet over 500,000 bytes',
      withRecord({ snippet: 'é'.repeat(250001) }),
    ],
    ['selectors that are a string', withRecord({ selectors: 'here' })],
    ['21 selectors', withRecord({ selectors: selectors(21) })],
    ['a selector that is a string', withRecord({ selectors: ['here'] })],
    ['a selector in an array', withRecord({ selectors: [[{}]] })],
    ['tags that are a string', withRecord({ tags: 'safety' })],
    ['21 tags', withRecord({ tags: tags(21) })],
    ['an empty tag', withRecord({ tags: ['a', ''] })],
    ['a tag of 51 characters', withRecord({ tags: ['t'.repeat(51)] })],
    ['a tag that is a number', withRecord({ tags: [7] })],
    ['a tag that is null', withRecord({ tags: [null] })],
    ['a tag in an array', withRecord({ tags: [['a']] })],
  ])('leaves %s', async (_label, change) => {
    expect(await flagOf(change)).toBe(false);
  });

  it('leaves both changes of a change id sent twice in one batch', async () => {
    const first = newClipChange();
    const second = { ...newClipChange(), change_id: first.change_id };

    expect(await flagsOf([first, second, newClipChange()])).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('leaves both creates of one clip id in one batch', async () => {
    const first = newClipChange();
    const second = withRecord({ id: (first.record as { id: string }).id });

    expect(await flagsOf([newClipChange(), first, second])).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('leaves a change the server has applied', async () => {
    const applied = newClipChange();
    await push(org, 'author', [applied]);

    expect(await flagOf(applied)).toBe(false);
  });

  it('leaves a create of a clip the author holds already', async () => {
    const taken = await createClip(org, { state: 'draft' });

    expect(await flagOf(withRecord({ id: taken }))).toBe(false);
  });

  it('answers an empty batch with no flags', async () => {
    expect(await flagsOf([])).toEqual([]);
  });
});

function longUrl(length: number): string {
  const start = 'https://wiki.example.com/';
  return start + 'p'.repeat(length - start.length);
}
