import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import { clipDetail, failureOf } from './helpers/peer-calls.ts';
import {
  arrange,
  createClip,
  createOrganisation,
  queryAs,
  type Caller,
  type Organisation,
} from './helpers/rules-org.ts';

let db: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

const notShared = {
  code: 'P0002',
  message: 'no published clip with this id is shared with you',
};

async function report(
  caller: Caller,
  clipId: string,
  found: boolean,
): Promise<void> {
  await queryAs(
    org,
    caller,
    'select report_source_check($1, $2)',
    [clipId, found],
    { commit: true },
  );
}

async function clipRow(clipId: string): Promise<Record<string, unknown>> {
  const [row] = await arrange(
    org,
    `select version, content_hash, updated_at, source_changed_at
     from clips where id = $1`,
    [clipId],
  );
  return row!;
}

async function feedSays(caller: Caller, clipId: string): Promise<unknown> {
  const [row] = await queryAs(
    org,
    caller,
    `select i -> 'source_changed' as changed
     from jsonb_array_elements(feed_page('everyone', max => 100) -> 'items') i
     where i ->> 'id' = $1`,
    [clipId],
  );
  return row?.changed;
}

async function feedChanges(clipId: string): Promise<number> {
  const [row] = await arrange(
    org,
    `select count(*)::int as n from private.sync_feed
     where entity_id = $1 or entity_id in
       (select id from endorsements where clip_id = $1)`,
    [clipId],
  );
  return row!.n as number;
}

describe('report_source_check', () => {
  it("lets a member mark a peer's published clip as changed", async () => {
    const clipId = await createClip(org);

    await report('outsider', clipId, false);

    expect(await feedSays('teammate', clipId)).toBe(true);
  });

  it('shows the mark in the clip detail', async () => {
    const clipId = await createClip(org);

    await report('teammate', clipId, false);

    const detail = await clipDetail(org, 'author', clipId);
    expect(detail.clip.source_changed_at).toEqual(expect.any(String));
  });

  it('clears the mark when the quote is found again', async () => {
    const clipId = await createClip(org);
    await report('outsider', clipId, false);

    await report('endorser', clipId, true);

    expect(await feedSays('author', clipId)).toBe(false);
  });

  it('keeps the time the quote was first missed', async () => {
    const clipId = await createClip(org);
    await report('outsider', clipId, false);
    const first = (await clipRow(clipId)).source_changed_at;

    await report('teammate', clipId, false);

    expect((await clipRow(clipId)).source_changed_at).toEqual(first);
  });

  it('changes neither the version, the content hash nor the update time', async () => {
    const clipId = await createClip(org);
    const before = await clipRow(clipId);

    await report('outsider', clipId, false);

    const { source_changed_at: _mark, ...after } = await clipRow(clipId);
    const { source_changed_at: _none, ...kept } = before;
    expect(after).toEqual(kept);
  });

  it('keeps an official endorsement valid', async () => {
    const clipId = await createClip(org, { regulated: true });
    await queryAs(org, 'endorser', `select endorse($1, 'official')`, [clipId], {
      commit: true,
    });

    await report('outsider', clipId, false);

    const detail = await clipDetail(org, 'outsider', clipId);
    expect(detail.trust).toBe('trusted');
  });

  it("writes nothing to anyone's change feed", async () => {
    const clipId = await createClip(org);
    await queryAs(org, 'teammate', 'select endorse($1)', [clipId], {
      commit: true,
    });
    const before = await feedChanges(clipId);
    const [{ seq }] = (await arrange(
      org,
      `select max(seq) as seq from private.sync_feed`,
    )) as [{ seq: string }];

    await report('outsider', clipId, false);

    const [{ n }] = (await arrange(
      org,
      'select count(*)::int as n from private.sync_feed where seq > $1',
      [seq],
    )) as [{ n: number }];
    expect([n, await feedChanges(clipId)]).toEqual([0, before]);
  });

  it('refuses a draft as not found, even to its author', async () => {
    const clipId = await createClip(org, { state: 'draft' });

    const failure = await failureOf(() => report('author', clipId, false));

    expect(failure).toEqual(notShared);
  });

  it('refuses a clip the caller cannot read as not found', async () => {
    const clipId = await createClip(org, { visibility: 'team' });

    const failure = await failureOf(() => report('outsider', clipId, false));

    expect(failure).toEqual(notShared);
  });

  it('refuses a clip in review as not found', async () => {
    const clipId = await createClip(org, { state: 'in_review' });

    const failure = await failureOf(() => report('teammate', clipId, false));

    expect(failure).toEqual(notShared);
  });

  it('refuses a pending account', async () => {
    const clipId = await createClip(org);

    const failure = await failureOf(() => report('pending', clipId, false));

    expect(failure).toEqual({
      code: '42501',
      message: 'only active members report source checks',
    });
  });
});

describe('the source mark on clips', () => {
  it('cannot be set by the author through an update', async () => {
    const clipId = await createClip(org);

    await queryAs(
      org,
      'author',
      'update clips set source_changed_at = now() where id = $1',
      [clipId],
      { commit: true },
    );

    expect((await clipRow(clipId)).source_changed_at).toBeNull();
  });

  it("does not spare an author's edit its version bump", async () => {
    const clipId = await createClip(org);
    await report('outsider', clipId, false);

    await queryAs(
      org,
      'author',
      `update clips set note = 'New note.' where id = $1`,
      [clipId],
      { commit: true },
    );

    expect((await clipRow(clipId)).version).toBe(2);
  });
});

describe('feed_page quote selectors', () => {
  async function pageItem(
    selectors: unknown,
    scope = 'page',
  ): Promise<Record<string, unknown>> {
    const clipId = await createClip(org);
    await arrange(org, 'update clips set selectors = $2 where id = $1', [
      clipId,
      JSON.stringify(selectors),
    ]);
    const [row] = await queryAs(
      org,
      'teammate',
      `select i as item from jsonb_array_elements(
         feed_page($2, $3, max => 100) -> 'items') i
       where i ->> 'id' = $1`,
      [clipId, scope, scope === 'page' ? 'https://wiki.example.com/a' : null],
    );
    return row!.item as Record<string, unknown>;
  }

  const quote = {
    type: 'TextQuoteSelector',
    exact: 'Fire doors stay closed.',
    prefix: 'Rule one: ',
    suffix: ' Always.',
  };

  it("sends the page's clips with their quote selector", async () => {
    const item = await pageItem([quote, { type: 'TextPositionSelector' }]);

    expect(item.quote_selector).toEqual({
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
    });
  });

  it('cuts a long quote and leaves its suffix out', async () => {
    const item = await pageItem([{ ...quote, exact: 'x'.repeat(1500) }]);

    expect(item.quote_selector).toMatchObject({
      exact: 'x'.repeat(1000),
      suffix: '',
    });
  });

  it('sends no selector in the other scopes', async () => {
    const item = await pageItem([quote], 'everyone');

    expect(item.quote_selector).toBeNull();
  });
});
