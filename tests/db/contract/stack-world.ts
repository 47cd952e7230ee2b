import WebSocket from 'ws';
import {
  startLocalStack,
  type LocalStack,
} from '../../../local-stack/stack.ts';
import {
  createAuthStorage,
  type StringStorageArea,
} from '../../../utils/remote/auth-storage';
import { createPeerclipSupabase } from '../../../utils/remote/supabase-client';
import { createSupabaseRemote } from '../../../utils/remote/supabase-remote';
import type { ContractWorld } from './contract-world';

/** The demo accounts of supabase/seed.sql share this password. */
const password = 'peerclip-demo';

/** storage.local as a Map, for the auth storage of a Node client. */
function memoryArea(): StringStorageArea {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (added) => {
      for (const [key, value] of Object.entries(added)) items.set(key, value);
    },
    remove: async (key) => {
      items.delete(key);
    },
  };
}

/**
 * The client the background makes, on the stack. Node 20 has no global
 * WebSocket, and createClient refuses to build its realtime client
 * without one.
 */
export function stackClient(stack: LocalStack) {
  const config = { url: stack.url, anonKey: stack.anonKey };
  const storage = createAuthStorage(memoryArea());
  return createPeerclipSupabase(config, storage, { transport: WebSocket });
}

/** The local stack with the demo organisation of seed.sql. */
export async function startStackWorld(): Promise<ContractWorld> {
  const stack = await startLocalStack({
    port: 0,
    seed: true,
    printEmails: false,
  });
  const signedOut = () => createSupabaseRemote(stackClient(stack));

  return {
    accounts: {
      alice: 'alice@example.com',
      bob: 'bob@example.com',
      admin: 'dave@example.com',
      password,
    },
    async device(email) {
      const remote = signedOut();
      await remote.signInWithPassword(email, password);
      return remote;
    },
    signedOut,
    latestCode: (email) => stack.mailbox.latestCode(email),
    stop: () => stack.stop(),
  };
}
