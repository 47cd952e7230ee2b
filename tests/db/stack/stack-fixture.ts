import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { withClient } from '../../../local-stack/database.ts';
import {
  startLocalStack,
  type LocalStack,
  type LocalStackOptions,
} from '../../../local-stack/stack.ts';

/** The password of every account the tests make. */
export const password = 'correct horse';

/** Starts a stack on a free port with a throwaway, unseeded database. */
export function startTestStack(
  options: LocalStackOptions = {},
): Promise<LocalStack> {
  return startLocalStack({
    port: 0,
    seed: false,
    printEmails: false,
    ...options,
  });
}

/**
 * A supabase-js client of the stack. Node 20 has no global WebSocket, and
 * createClient refuses to build its realtime client without one.
 */
export function clientOf(stack: LocalStack, key = stack.anonKey) {
  return createClient(stack.url, key, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
}

/**
 * A client signed in as a new account, confirmed with the emailed code when
 * the project's config asks for confirmation.
 */
export async function signedInClient(
  stack: LocalStack,
  email: string,
): Promise<{ client: SupabaseClient; userId: string }> {
  const client = clientOf(stack);
  const signUp = await client.auth.signUp({ email, password });
  if (signUp.error || !signUp.data.user) throw signUp.error;
  if (!signUp.data.session) {
    const token = stack.mailbox.latestCode(email) ?? '';
    const verify = await client.auth.verifyOtp({
      email,
      token,
      type: 'signup',
    });
    if (verify.error) throw verify.error;
  }
  return { client, userId: signUp.data.user.id };
}

/** Runs SQL as the schema owner, the way a migration would. */
export function runAsOwner(stack: LocalStack, sql: string): Promise<unknown> {
  return withClient(stack.database.urls.owner, (owner) => owner.query(sql));
}
