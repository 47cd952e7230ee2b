import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from './helpers/database.ts';
import {
  as,
  createClip,
  createOrganisation,
  errorOf,
  type Organisation,
} from './helpers/rules-org.ts';

let db: TestDatabase;
let org: Organisation;

beforeAll(async () => {
  db = await startTestDatabase();
  org = await createOrganisation(db);
});
afterAll(() => db.stop());

async function statusOf(userId: string): Promise<string> {
  const { rows } = await db.admin.query(
    'select status from public.profiles where id = $1',
    [userId],
  );
  return rows[0].status;
}

describe('membership rule', () => {
  it('activates a confirmed address on an allowed domain', async () => {
    const id = await db.createUser({ email: 'ann@example.com' });

    expect(await statusOf(id)).toBe('active');
  });

  it('activates the allowed domain in other letter case', async () => {
    const id = await db.createUser({ email: 'Alice@EXAMPLE.COM' });

    expect(await statusOf(id)).toBe('active');
  });

  it.each([
    'mallory@example.com.evil.invalid',
    'mallory@evilexample.com',
    'mallory@example.co',
    'mallory@sub.example.com',
  ])('leaves the look-alike %s pending', async (email) => {
    const id = await db.createUser({ email });

    expect(await statusOf(id)).toBe('pending');
  });

  it('leaves an unconfirmed address pending', async () => {
    const id = await db.createUser({
      email: 'late@example.com',
      confirmed: false,
    });

    expect(await statusOf(id)).toBe('pending');
  });

  it('activates the account once the address is confirmed', async () => {
    const id = await db.createUser({
      email: 'later@example.com',
      confirmed: false,
    });

    await db.admin.query(
      'update auth.users set email_confirmed_at = now() where id = $1',
      [id],
    );

    expect(await statusOf(id)).toBe('active');
  });

  it('ignores an allowed address written into metadata', async () => {
    const metadata = { email: 'boss@example.com', email_verified: true };
    const id = await db.createUser({ email: 'eve@evil.invalid', metadata });

    await db.admin.query(
      `update auth.users set raw_user_meta_data = $2,
         raw_app_meta_data = raw_app_meta_data || $2 where id = $1`,
      [id, { ...metadata, domain: 'example.com' }],
    );

    expect(await statusOf(id)).toBe('pending');
  });

  it('makes an account pending when its address leaves the domain', async () => {
    const id = await db.createUser({ email: 'mover@example.com' });

    await db.admin.query(
      `update auth.users set email = 'mover@elsewhere.invalid' where id = $1`,
      [id],
    );

    expect(await statusOf(id)).toBe('pending');
  });
});

describe('pending account', () => {
  it('sees its own profile and no other', async () => {
    const rows = await as(org, 'pending', async (client) => {
      const { rows } = await client.query('select id from public.profiles');
      return rows;
    });

    expect(rows).toEqual([{ id: org.people.pending }]);
  });

  it('sees no published clip', async () => {
    await createClip(org);

    const count = await as(org, 'pending', async (client) => {
      const { rows } = await client.query('select id from public.clips');
      return rows.length;
    });

    expect(count).toBe(0);
  });

  it('becomes active when an admin approves it', async () => {
    const id = await db.createUser({ email: 'guest@partner.invalid' });

    await as(
      org,
      'admin',
      (client) =>
        client.query(
          `update public.profiles set status = 'active' where id = $1`,
          [id],
        ),
      { commit: true },
    );

    expect(await statusOf(id)).toBe('active');
  });
});

describe('profile changes', () => {
  it('lets people rename themselves', async () => {
    const name = await as(org, 'author', async (client) => {
      const { rows } = await client.query(
        `update public.profiles set display_name = 'Ann B.'
         where id = $1 returning display_name`,
        [org.people.author],
      );
      return rows[0].display_name;
    });

    expect(name).toBe('Ann B.');
  });

  it('refuses a member who makes themselves admin', async () => {
    const message = await errorOf(() =>
      as(org, 'author', (client) =>
        client.query(
          `update public.profiles set role = 'admin' where id = $1`,
          [org.people.author],
        ),
      ),
    );

    expect(message).toBe('only an admin changes roles, teams and status');
  });

  it('refuses a pending account that activates itself', async () => {
    const message = await errorOf(() =>
      as(org, 'pending', (client) =>
        client.query(
          `update public.profiles set status = 'active' where id = $1`,
          [org.people.pending],
        ),
      ),
    );

    expect(message).toBe('only an admin changes roles, teams and status');
  });

  it('lets an admin move someone to another team', async () => {
    const team = await as(org, 'admin', async (client) => {
      const { rows } = await client.query(
        `update public.profiles set team_id = $2 where id = $1
         returning team_id`,
        [org.people.outsider, org.teams.operations],
      );
      return rows[0].team_id;
    });

    expect(team).toBe(org.teams.operations);
  });
});

describe('make_first_admin', () => {
  it('refuses once an admin exists', async () => {
    const message = await errorOf(() =>
      db.admin.query(`select public.make_first_admin('author@example.com')`),
    );

    expect(message).toBe('an admin already exists; admins name further admins');
  });

  it('is not callable by members', async () => {
    const message = await errorOf(() =>
      as(org, 'author', (client) =>
        client.query(`select public.make_first_admin('author@example.com')`),
      ),
    );

    expect(message).toBe('permission denied for function make_first_admin');
  });
});
