import { describe, expect, it } from 'vitest';
import type { IdentityFlow } from '@/utils/browser/identity';
import type { OAuthApi } from '@/utils/background/oauth-api';
import { signInWithProvider } from '@/utils/background/oauth-sign-in';
import { fakeIdentity } from './fakes/account-harness';

/** An OAuth remote that records what it was asked. */
function recordingOAuth(asked: string[]): OAuthApi {
  return {
    authorizeUrl: async (provider, redirectTo) => {
      asked.push(`authorize ${provider} ${redirectTo}`);
      return `https://idp.example/authorize?provider=${provider}`;
    },
    exchangeCode: async (code) => {
      asked.push(`exchange ${code}`);
      return { userId: 'u1', email: 'carol@example.com', expiresAt: 0 };
    },
  };
}

describe('signInWithProvider', () => {
  it('opens the provider’s page and exchanges the code it returns', async () => {
    const asked: string[] = [];
    const opened: string[] = [];
    const identity: IdentityFlow = {
      ...fakeIdentity('code=pkce-code'),
      launch: async (url) => {
        opened.push(url);
        return 'https://peerclip.chromiumapp.org/?code=pkce-code';
      },
    };

    await signInWithProvider('azure', recordingOAuth(asked), identity);

    expect([...asked, ...opened]).toEqual([
      'authorize azure https://peerclip.chromiumapp.org/',
      'exchange pkce-code',
      'https://idp.example/authorize?provider=azure',
    ]);
  });

  it('says the window was closed', async () => {
    const identity = fakeIdentity(new Error('The user did not approve.'));

    const attempt = signInWithProvider('azure', recordingOAuth([]), identity);

    await expect(attempt).rejects.toMatchObject({ code: 'oauth-cancelled' });
  });

  it('reports the provider’s refusal without exchanging anything', async () => {
    const asked: string[] = [];
    const identity = fakeIdentity('error=access_denied&error_description=No');

    const attempt = signInWithProvider(
      'azure',
      recordingOAuth(asked),
      identity,
    );

    await expect(attempt).rejects.toThrow(/refused: No/);
    expect(asked.some((call) => call.startsWith('exchange'))).toBe(false);
  });
});
