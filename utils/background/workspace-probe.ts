import type { WorkspaceConfig } from '@/utils/remote/supabase-client';
import { AccountFailure } from './account-failure';

/** The `fetch` the probe needs; the worker's own, or a fake in tests. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Long enough for a slow network, short enough for someone waiting. */
const PROBE_TIMEOUT_MS = 10_000;

/**
 * Asks the auth server for its public settings, which every Supabase
 * project answers without a session: an answer means the URL is a
 * Supabase project and it accepts the key. Throws AccountFailure
 * `unreachable`, `not-supabase` or `bad-settings`.
 */
export async function probeWorkspace(
  config: WorkspaceConfig,
  fetcher: Fetch,
): Promise<void> {
  let response: Response;
  try {
    response = await fetcher(`${config.url}/auth/v1/settings`, {
      headers: { apikey: config.anonKey },
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
  } catch (error) {
    throw new AccountFailure(
      'unreachable',
      'The workspace cannot be reached. Check the URL and your connection.',
      { cause: error },
    );
  }

  if (response.status === 401 || response.status === 403) {
    throw new AccountFailure(
      'bad-settings',
      'The workspace refused this anon key. Copy it again.',
    );
  }
  if (!response.ok || !(await looksLikeAuthSettings(response))) {
    throw new AccountFailure(
      'not-supabase',
      'This address does not answer like a Supabase project.',
    );
  }
}

async function looksLikeAuthSettings(response: Response): Promise<boolean> {
  try {
    const body = (await response.json()) as Record<string, unknown>;
    return typeof body === 'object' && body !== null && 'external' in body;
  } catch {
    return false;
  }
}
