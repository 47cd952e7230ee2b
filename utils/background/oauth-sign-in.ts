import type { IdentityFlow } from '@/utils/browser/identity';
import type { RemoteSession } from '@/utils/remote/remote-api';
import { AccountFailure } from './account-failure';
import type { OAuthApi } from './oauth-api';

/**
 * Signs in through a workplace identity provider: supabase-js makes the
 * PKCE sign-in address, the browser's identity window shows it, and the
 * code the provider returns is exchanged for a session.
 */
export async function signInWithProvider(
  provider: string,
  oauth: OAuthApi,
  identity: IdentityFlow,
): Promise<RemoteSession> {
  const url = await oauth.authorizeUrl(provider, identity.redirectUrl());

  let returned: string;
  try {
    returned = await identity.launch(url);
  } catch (error) {
    throw new AccountFailure(
      'oauth-cancelled',
      'The sign-in window was closed before signing in.',
      { cause: error },
    );
  }

  return oauth.exchangeCode(codeFrom(returned));
}

/** The code in the address the provider returned to, or why there is none. */
function codeFrom(returned: string): string {
  const params = new URL(returned).searchParams;
  const code = params.get('code');
  if (code) return code;

  const reason = params.get('error_description') ?? params.get('error');
  throw new AccountFailure(
    'failed',
    reason
      ? `The sign-in was refused: ${reason}.`
      : 'The sign-in returned no code.',
  );
}
