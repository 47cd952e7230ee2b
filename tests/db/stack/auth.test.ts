import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../local-stack/stack.ts';
import {
  clientOf,
  password,
  runAsOwner,
  signedInClient,
  startTestStack,
} from './stack-fixture.ts';

describe('local stack auth, email confirmation off', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startTestStack({ settings: { enableConfirmations: false } });
    await runAsOwner(
      stack,
      `update public.organisation_settings
          set allowed_domains = '{example.com}'`,
    );
  });
  afterAll(() => stack.stop());

  it('answers a sign-up with a session', async () => {
    const client = clientOf(stack);

    const { data } = await client.auth.signUp({
      email: 'ann@example.com',
      password,
    });

    expect(data.session?.user.email).toBe('ann@example.com');
  });

  it('gives an allowed-domain sign-up an active profile', async () => {
    const { client, userId } = await signedInClient(stack, 'amy@example.com');

    const { data } = await client
      .from('profiles')
      .select('status')
      .eq('id', userId)
      .single();

    expect(data).toEqual({ status: 'active' });
  });

  it('leaves a sign-up from another domain pending', async () => {
    const { client, userId } = await signedInClient(stack, 'eve@evil.test');

    const { data } = await client
      .from('profiles')
      .select('status')
      .eq('id', userId)
      .single();

    expect(data).toEqual({ status: 'pending' });
  });

  it('refuses a second sign-up with the same address', async () => {
    await signedInClient(stack, 'dup@example.com');

    const { error } = await clientOf(stack).auth.signUp({
      email: 'DUP@example.com',
      password,
    });

    expect(error?.code).toBe('user_already_exists');
  });

  it('signs in with the password', async () => {
    await signedInClient(stack, 'sam@example.com');

    const { data } = await clientOf(stack).auth.signInWithPassword({
      email: 'sam@example.com',
      password,
    });

    expect(data.session?.access_token).toBeTruthy();
  });

  it('refuses a wrong password as invalid credentials', async () => {
    await signedInClient(stack, 'wes@example.com');

    const { error } = await clientOf(stack).auth.signInWithPassword({
      email: 'wes@example.com',
      password: 'wrong horse',
    });

    expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
  });

  it('refreshes a session with a new refresh token', async () => {
    const { client } = await signedInClient(stack, 'ray@example.com');
    const before = (await client.auth.getSession()).data.session!;

    const { data } = await client.auth.refreshSession();

    expect(data.session?.refresh_token).not.toBe(before.refresh_token);
  });

  it('refuses a refresh token used a second time', async () => {
    const { client } = await signedInClient(stack, 'rob@example.com');
    const used = (await client.auth.getSession()).data.session!.refresh_token;
    await client.auth.refreshSession();

    const { error } = await clientOf(stack).auth.refreshSession({
      refresh_token: used,
    });

    expect(error?.code).toBe('refresh_token_already_used');
  });

  it('signs in with the one-time code sent by email', async () => {
    await signedInClient(stack, 'otto@example.com');
    const client = clientOf(stack);
    await client.auth.signInWithOtp({ email: 'otto@example.com' });

    const { data } = await client.auth.verifyOtp({
      email: 'otto@example.com',
      token: stack.mailbox.latestCode('otto@example.com')!,
      type: 'email',
    });

    expect(data.session?.user.email).toBe('otto@example.com');
  });

  it('refuses a wrong one-time code', async () => {
    const client = clientOf(stack);
    await client.auth.signInWithOtp({ email: 'olga@example.com' });
    const code = stack.mailbox.latestCode('olga@example.com')!;
    const wrong = code === '000000' ? '111111' : '000000';

    const { error } = await client.auth.verifyOtp({
      email: 'olga@example.com',
      token: wrong,
      type: 'email',
    });

    expect(error?.code).toBe('otp_expired');
  });

  it('answers getUser with the signed-in account', async () => {
    const { client, userId } = await signedInClient(stack, 'gus@example.com');

    const { data } = await client.auth.getUser();

    expect(data.user?.id).toBe(userId);
  });

  it('updates user metadata', async () => {
    const { client } = await signedInClient(stack, 'uma@example.com');

    const { data } = await client.auth.updateUser({ data: { theme: 'dark' } });

    expect(data.user?.user_metadata).toEqual({ theme: 'dark' });
  });

  it('ends the session on sign-out, so its token stops working', async () => {
    const { client } = await signedInClient(stack, 'olaf@example.com');
    const token = (await client.auth.getSession()).data.session!.access_token;
    await client.auth.signOut();

    const { error } = await clientOf(stack).auth.getUser(token);

    // supabase-js reports the server's 403 session_not_found this way.
    expect(error?.name).toBe('AuthSessionMissingError');
  });
});

// As supabase/config.toml has it.
describe('local stack auth, email confirmation on', () => {
  let stack: LocalStack;
  let client: SupabaseClient;
  beforeAll(async () => {
    stack = await startTestStack({ settings: { enableConfirmations: true } });
    client = clientOf(stack);
  });
  afterAll(() => stack.stop());

  it('answers a sign-up without a session until the code comes back', async () => {
    const { data } = await client.auth.signUp({
      email: 'cora@example.com',
      password,
    });

    expect(data.session).toBeNull();
  });

  it('refuses a password sign-in before the email is confirmed', async () => {
    await client.auth.signUp({ email: 'carl@example.com', password });

    const { error } = await client.auth.signInWithPassword({
      email: 'carl@example.com',
      password,
    });

    expect(error?.code).toBe('email_not_confirmed');
  });

  it('confirms the address with the emailed sign-up code', async () => {
    await client.auth.signUp({ email: 'cleo@example.com', password });

    const { data } = await client.auth.verifyOtp({
      email: 'cleo@example.com',
      token: stack.mailbox.latestCode('cleo@example.com')!,
      type: 'signup',
    });

    expect(data.user?.email_confirmed_at).toBeTruthy();
  });

  it('sends a new sign-up code that confirms the address', async () => {
    await client.auth.signUp({ email: 'cass@example.com', password });
    await client.auth.resend({ type: 'signup', email: 'cass@example.com' });

    const { data } = await client.auth.verifyOtp({
      email: 'cass@example.com',
      token: stack.mailbox.latestCode('cass@example.com')!,
      type: 'signup',
    });

    const sent = stack.mailbox.sent.filter((e) => e.to === 'cass@example.com');
    expect(sent).toHaveLength(2);
    expect(data.session).not.toBeNull();
  });
});
