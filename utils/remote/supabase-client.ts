import { createClient } from '@supabase/supabase-js';
import type { AuthStorage } from './auth-storage';
import type { PeerclipSupabase } from './supabase-remote';

/** Where the workspace is: a Supabase project's URL and anon key. */
export interface WorkspaceConfig {
  url: string;
  anonKey: string;
}

/** Where supabase-js keeps the session in the auth storage. */
export const AUTH_STORAGE_KEY = 'peerclip.auth';

/**
 * The supabase-js client the background owns, the only one in the
 * extension: two clients refreshing one session would invalidate each
 * other's refresh token. `realtime` is only for Node, where createClient
 * needs a WebSocket class; browsers have one.
 */
export function createPeerclipSupabase(
  config: WorkspaceConfig,
  storage: AuthStorage,
  realtime?: { transport: unknown },
): PeerclipSupabase {
  return createClient(config.url, config.anonKey, {
    auth: {
      storage,
      storageKey: AUTH_STORAGE_KEY,
      persistSession: true,
      autoRefreshToken: true,
      detectSessionInUrl: false,
      flowType: 'pkce',
    },
    ...(realtime && { realtime: realtime as never }),
  });
}
