import { browser } from 'wxt/browser';
import { createAuthStorage } from '@/utils/remote/auth-storage';
import { createPeerclipSupabase } from '@/utils/remote/supabase-client';
import { createSupabaseRemote } from '@/utils/remote/supabase-remote';
import { supabaseOAuth } from './supabase-oauth';
import type { ConnectionFactory } from './workspace-clients';

/**
 * The real connection: the extension's only supabase-js client, its
 * session kept in `browser.storage.local` so it outlives worker stops.
 */
export const supabaseConnection: ConnectionFactory = (config) => {
  const client = createPeerclipSupabase(
    config,
    createAuthStorage(browser.storage.local),
  );
  return {
    remote: createSupabaseRemote(client),
    oauth: supabaseOAuth(client),
    close: () => void client.auth.stopAutoRefresh(),
  };
};
