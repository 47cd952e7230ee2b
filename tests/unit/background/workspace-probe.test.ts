import { describe, expect, it } from 'vitest';
import { probeWorkspace, type Fetch } from '@/utils/background/workspace-probe';
import { ANON_KEY } from './fakes/account-harness';

const config = { url: 'https://x.supabase.co', anonKey: ANON_KEY };

const answering =
  (status: number, body: string): Fetch =>
  async () =>
    new Response(body, { status });

describe('probeWorkspace', () => {
  it('accepts a workspace that answers its auth settings', async () => {
    const seen: string[] = [];
    const fetcher: Fetch = async (url, init) => {
      seen.push(`${url} ${(init.headers as Record<string, string>).apikey}`);
      return new Response('{"external":{"email":true}}');
    };

    await probeWorkspace(config, fetcher);

    expect(seen).toEqual([
      `https://x.supabase.co/auth/v1/settings ${ANON_KEY}`,
    ]);
  });

  it('says an address that does not answer is unreachable', async () => {
    const fetcher: Fetch = async () => {
      throw new TypeError('Failed to fetch');
    };

    const attempt = probeWorkspace(config, fetcher);

    await expect(attempt).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('says a refused key is a bad setting', async () => {
    const attempt = probeWorkspace(config, answering(401, '{}'));

    await expect(attempt).rejects.toMatchObject({ code: 'bad-settings' });
  });

  it.each([
    [404, '{"message":"no route"}'],
    [200, '<html>intranet</html>'],
    [200, '{"hello":"world"}'],
  ])(
    'says a %i answer of another kind is not Supabase',
    async (status, body) => {
      const attempt = probeWorkspace(config, answering(status, body));

      await expect(attempt).rejects.toMatchObject({ code: 'not-supabase' });
    },
  );
});
