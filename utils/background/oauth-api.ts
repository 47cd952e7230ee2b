import type { RemoteSession } from '@/utils/remote/remote-api';

/** The two OAuth steps supabase-js takes for an extension. */
export interface OAuthApi {
  /**
   * The provider's sign-in address, without opening it. The PKCE
   * verifier is kept in the auth storage for the exchange.
   */
  authorizeUrl(provider: string, redirectTo: string): Promise<string>;
  /** Trades the code the provider returned for a session. */
  exchangeCode(code: string): Promise<RemoteSession>;
}
