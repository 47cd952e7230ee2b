import { beforeEach, describe, expect, it } from 'vitest';
import { markActivitySeen, readActivitySeenAt } from '@/utils/store/activity';
import { fakeCapture } from '../fakes/captures';
import { alice, bob } from '../sync/fakes/sync-world';
import {
  ANON_KEY,
  accountHarness,
  fakeIdentity,
  type AccountHarness,
} from './fakes/account-harness';

const URL = 'https://northwind.supabase.co';

describe('AccountService', () => {
  let world: AccountHarness;

  beforeEach(() => {
    world = accountHarness();
  });

  const connectAndSignIn = async (user = alice) => {
    await world.account.connect(URL, ANON_KEY);
    return world.account.signInWithPassword(user.email, user.password);
  };

  it('connects a workspace after probing it', async () => {
    const reply = await world.account.connect(`${URL}/`, ANON_KEY);

    expect(reply).toEqual({ ok: true });
    expect((await world.account.status()).workspace).toMatchObject({
      url: URL,
      source: 'user',
    });
  });

  it('refuses a service key without probing', async () => {
    const serviceKey = ANON_KEY.replace(/^[^.]+\.[^.]+/, (head) =>
      head.replace(/\.[^.]+$/, `.${btoa('{"role":"service_role"}')}`),
    );

    const reply = await world.account.connect(URL, serviceKey);

    expect([reply, world.probed]).toMatchObject([{ code: 'bad-settings' }, []]);
  });

  it('asks for a workspace before signing in', async () => {
    const reply = await world.account.signInWithPassword('a@b.c', 'pw');

    expect(reply).toMatchObject({ ok: false, code: 'not-connected' });
  });

  it('signs in with a password and shows who is signed in', async () => {
    await connectAndSignIn();

    const status = await world.account.status();

    expect(status.user).toEqual({ id: alice.id, email: alice.email });
  });

  it('says the password is wrong in account words', async () => {
    await world.account.connect(URL, ANON_KEY);

    const reply = await world.account.signInWithPassword(alice.email, 'nope');

    expect(reply).toMatchObject({ ok: false, code: 'invalid-credentials' });
  });

  it('starts the minute alarm on sign-in and stops it on sign-out', async () => {
    await connectAndSignIn();
    const whileIn = world.alarm.running;

    await world.account.signOut(false);

    expect([whileIn, world.alarm.running]).toEqual([true, false]);
  });

  it('signs in with an emailed code', async () => {
    await world.account.connect(URL, ANON_KEY);
    await world.account.sendCode(alice.email);
    const code = world.workspace.mailbox.get(alice.email) ?? '';

    const reply = await world.account.verifyCode(alice.email, code);

    expect(reply).toEqual({ ok: true });
  });

  it('says a wrong code is wrong', async () => {
    await world.account.connect(URL, ANON_KEY);
    await world.account.sendCode(alice.email);

    const reply = await world.account.verifyCode(alice.email, '999999');

    expect(reply).toMatchObject({ ok: false, code: 'invalid-code' });
  });

  it('signs in through a provider window', async () => {
    await world.account.connect(URL, ANON_KEY);

    await world.account.signInWithProvider('azure');

    expect((await world.account.status()).user?.email).toBe(alice.email);
  });

  it('says the provider window was closed', async () => {
    world = accountHarness({ identity: fakeIdentity(new Error('closed')) });
    await world.account.connect(URL, ANON_KEY);

    const reply = await world.account.signInWithProvider('azure');

    expect(reply).toMatchObject({ ok: false, code: 'oauth-cancelled' });
  });

  it('pushes drafts written while signed in', async () => {
    await connectAndSignIn();
    const draft = await world.clips.createDraft(fakeCapture());

    const state = await world.account.syncNow();

    expect([state.pendingCount, world.workspace.clips.has(draft.id)]).toEqual([
      0,
      true,
    ]);
  });

  it('holds drafts written without an account until they are uploaded', async () => {
    const draft = await world.clips.createDraft(fakeCapture());
    await connectAndSignIn();

    await world.account.syncNow();

    expect([
      (await world.account.status()).localOnlyDrafts,
      world.workspace.clips.has(draft.id),
    ]).toEqual([1, false]);
  });

  it('uploads the held drafts when asked', async () => {
    const draft = await world.clips.createDraft(fakeCapture());
    await connectAndSignIn();

    await world.account.uploadLocalDrafts();

    expect([
      (await world.account.status()).localOnlyDrafts,
      world.workspace.clips.has(draft.id),
    ]).toEqual([0, true]);
  });

  it('forgets the account’s clips on sign-out without keeping drafts', async () => {
    await connectAndSignIn();
    await world.clips.createDraft(fakeCapture());

    await world.account.signOut(false);

    expect([await world.db.clips.count(), await world.db.meta.count()]).toEqual(
      [0, 0],
    );
  });

  it('keeps drafts as local drafts on sign-out when asked', async () => {
    await connectAndSignIn();
    await world.clips.createDraft(fakeCapture());
    await world.account.syncNow();

    await world.account.signOut(true);

    const status = await world.account.status();
    expect([status.user, status.localOnlyDrafts]).toEqual([null, 1]);
  });

  it('pushes pending changes before signing out', async () => {
    await connectAndSignIn();
    const draft = await world.clips.createDraft(fakeCapture());

    await world.account.signOut(false);

    expect(world.workspace.clips.has(draft.id)).toBe(true);
  });

  it('refuses to sign out and forget changes that could not be sent', async () => {
    await connectAndSignIn();
    await world.clips.createDraft(fakeCapture());
    world.remote.network.offline = true;

    const reply = await world.account.signOut(false);

    expect([reply.ok, await world.db.clips.count()]).toEqual([false, 1]);
  });

  it('signs out offline when the drafts are kept', async () => {
    await connectAndSignIn();
    await world.clips.createDraft(fakeCapture());
    world.remote.network.offline = true;

    const reply = await world.account.signOut(true);

    expect(reply).toEqual({ ok: true });
  });

  it('holds another account’s kept drafts from the next account', async () => {
    await connectAndSignIn(alice);
    await world.clips.createDraft(fakeCapture());
    world.remote.network.offline = true;
    await world.account.syncNow();
    world.remote.network.offline = false;
    await world.remote.signOut();

    await world.account.signInWithPassword(bob.email, bob.password);
    await world.account.syncNow();

    expect((await world.account.status()).localOnlyDrafts).toBe(1);
  });

  it('counts the changes pending now, not at the last sync', async () => {
    await connectAndSignIn();
    await world.account.syncNow();
    await world.clips.createDraft(fakeCapture());

    const status = await world.account.status();

    expect(status.sync.pendingCount).toBe(1);
  });

  it('counts conflict copies still in draft', async () => {
    const draft = await world.clips.createDraft(fakeCapture());
    await world.db.clips.update(draft.id, { conflictOf: 'original' });

    const status = await world.account.status();

    expect(status.conflictCopies).toBe(1);
  });

  it('refuses to upload drafts when nobody is signed in', async () => {
    await world.account.connect(URL, ANON_KEY);

    const reply = await world.account.uploadLocalDrafts();

    expect(reply).toMatchObject({ ok: false, code: 'not-signed-in' });
  });

  it('goes back to local-only mode on disconnect', async () => {
    await connectAndSignIn();

    await world.account.disconnect(true);

    expect((await world.account.status()).workspace).toBeNull();
  });

  it('answers sync-now in local-only mode with the stored state', async () => {
    const state = await world.account.syncNow();

    expect(state.problem).toBeNull();
  });
});

describe('AccountService and activity', () => {
  it('counts news from the first sign-in, not the whole history', async () => {
    const world = accountHarness();
    await world.account.connect(URL, ANON_KEY);

    await world.account.signInWithPassword(alice.email, alice.password);

    const seenAt = await readActivitySeenAt(world.db);
    expect(Date.parse(seenAt)).toBeGreaterThan(0);
  });

  it('counts from the new sign-in after signing out, as history is pulled again', async () => {
    const world = accountHarness();
    await world.account.connect(URL, ANON_KEY);
    await world.account.signInWithPassword(alice.email, alice.password);
    await markActivitySeen(world.db, new Date('2020-01-01T00:00:00.000Z'));

    await world.account.signOut(true);
    await world.account.signInWithPassword(alice.email, alice.password);

    expect(await readActivitySeenAt(world.db)).not.toBe(
      '2020-01-01T00:00:00.000Z',
    );
  });
});
