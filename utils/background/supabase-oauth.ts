import type { Provider } from '@supabase/supabase-js';
import { RemoteError } from '@/utils/remote/remote-error';
import type { PeerclipSupabase } from '@/utils/remote/supabase-remote';
import type { OAuthApi } from './oauth-api';

/** OAuth over the background's supabase-js client (`flowType: 'pkce'`). */
export function supabaseOAuth(client: PeerclipSupabase): OAuthApi {
  return {
    async authorizeUrl(provider, redirectTo) {
      const { data, error } = await client.auth.signInWithOAuth({
        provider: provider as Provider,
        // The worker has no window to redirect; identity opens the URL.
        options: { skipBrowserRedirect: true, redirectTo },
      });
      if (error || !data.url) {
        throw new RemoteError('server', 'The workspace offered no sign-in.', {
          cause: error,
        });
      }
      return data.url;
    },
    async exchangeCode(code) {
      const { data, error } = await client.auth.exchangeCodeForSession(code);
      if (error || !data.session) {
        throw new RemoteError(
          'invalid-credentials',
          'The sign-in could not be completed.',
          { cause: error },
        );
      }
      const { user, expires_at: expiresAt } = data.session;
      return {
        userId: user.id,
        email: user.email ?? '',
        expiresAt: expiresAt ?? 0,
      };
    },
  };
}
