import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OAuthApi } from '@/utils/background/oauth-api';
import {
  WorkspaceClients,
  type ConnectionFactory,
} from '@/utils/background/workspace-clients';
import { WorkspaceSettingsStore } from '@/utils/background/workspace-settings';
import type { RemoteApi } from '@/utils/remote/remote-api';
import { ANON_KEY } from './fakes/account-harness';

/** Connections that write down when they are made and closed. */
function recordingFactory(events: string[]): ConnectionFactory {
  return ({ url }) => {
    events.push(`open ${url}`);
    return {
      remote: {} as RemoteApi,
      oauth: {} as OAuthApi,
      close: () => void events.push(`close ${url}`),
    };
  };
}

function settings() {
  return new WorkspaceSettingsStore({
    local: fakeBrowser.storage.local,
    readManaged: async () => ({}),
    buildDefault: {},
  });
}

describe('WorkspaceClients', () => {
  it('has no connection in local-only mode', async () => {
    const clients = new WorkspaceClients(settings(), recordingFactory([]));

    expect(await clients.connection()).toBeNull();
  });

  it('builds one connection while the settings stay the same', async () => {
    const events: string[] = [];
    const store = settings();
    await store.saveUser({ url: 'https://a.supabase.co', anonKey: ANON_KEY });
    const clients = new WorkspaceClients(store, recordingFactory(events));

    await clients.connection();
    await clients.connection();

    expect(events).toEqual(['open https://a.supabase.co']);
  });

  it('closes the old connection when the workspace changes', async () => {
    const events: string[] = [];
    const store = settings();
    const clients = new WorkspaceClients(store, recordingFactory(events));
    await store.saveUser({ url: 'https://a.supabase.co', anonKey: ANON_KEY });
    await clients.connection();

    await store.saveUser({ url: 'https://b.supabase.co', anonKey: ANON_KEY });
    await clients.connection();

    expect(events).toEqual([
      'open https://a.supabase.co',
      'close https://a.supabase.co',
      'open https://b.supabase.co',
    ]);
  });
});
