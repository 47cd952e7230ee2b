import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await startTestDatabase({ seed: true });
});
afterAll(() => db.stop());

async function one(sql: string): Promise<Record<string, unknown>> {
  const { rows } = await db.admin.query(sql);
  return rows[0];
}

describe('demo seed', () => {
  it('signs the demo accounts in with the documented password', async () => {
    const row = await one(`select count(*)::int as n from auth.users
      where encrypted_password = extensions.crypt('peerclip-demo',
        encrypted_password)`);

    expect(row).toEqual({ n: 7 });
  });

  it('makes six active members, one admin and one pending account', async () => {
    const row = await one(`select
      count(*) filter (where status = 'active')::int as active,
      count(*) filter (where role = 'admin')::int as admins,
      count(*) filter (where status = 'pending')::int as pending
      from public.profiles`);

    expect(row).toEqual({ active: 6, admins: 1, pending: 1 });
  });

  it('holds about thirty clips in every state and both visibilities', async () => {
    const row = await one(`select count(*)::int as clips,
      count(distinct state)::int as states,
      count(distinct visibility)::int as visibilities from public.clips`);

    expect(row).toEqual({ clips: 30, states: 4, visibilities: 2 });
  });

  it('holds an expired, a lapsed and a withdrawn endorsement', async () => {
    const row = await one(`select
      count(*) filter (where e.expires_at < now())::int as expired,
      count(*) filter (where e.content_hash <> c.content_hash)::int as lapsed,
      count(*) filter (where e.withdrawn_at is not null)::int as withdrawn
      from public.endorsements e join public.clips c on c.id = e.clip_id`);

    expect(row).toEqual({ expired: 1, lapsed: 1, withdrawn: 1 });
  });

  it('sends one reviewed draft back and keeps one regulated clip waiting', async () => {
    const row = await one(`select
      count(*) filter (where r.verdict = 'changes' and c.state = 'draft')::int
        as sent_back,
      count(*) filter (where r.verdict = 'approve'
        and c.state = 'in_review')::int as waiting
      from public.reviews r join public.clips c on c.id = r.clip_id`);

    expect(row).toEqual({ sent_back: 1, waiting: 1 });
  });
});
