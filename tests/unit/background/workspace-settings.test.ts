import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WorkspaceSettingsStore } from '@/utils/background/workspace-settings';
import { ANON_KEY } from './fakes/account-harness';

const USER = { url: 'https://user.supabase.co', anonKey: ANON_KEY };

function store(buildDefault = {}) {
  return new WorkspaceSettingsStore({
    local: fakeBrowser.storage.local,
    readManaged: () => fakeBrowser.storage.managed.get(),
    buildDefault,
  });
}

async function setPolicy(url: string) {
  await fakeBrowser.storage.managed.set({
    workspaceUrl: url,
    workspaceAnonKey: ANON_KEY,
  });
}

describe('WorkspaceSettingsStore', () => {
  it('is in local-only mode with nothing set', async () => {
    const settings = await store().current();

    expect(settings).toBeNull();
  });

  it('falls back to the build default', async () => {
    const settings = await store({
      url: 'https://build.supabase.co',
      anonKey: ANON_KEY,
    }).current();

    expect(settings?.source).toBe('build');
  });

  it('prefers the workspace a person connected over the build default', async () => {
    const settings = store({
      url: 'https://build.supabase.co',
      anonKey: ANON_KEY,
    });
    await settings.saveUser(USER);

    expect(await settings.current()).toEqual({ ...USER, source: 'user' });
  });

  it('stays in local-only mode over the build default once cleared', async () => {
    const settings = store({
      url: 'https://build.supabase.co',
      anonKey: ANON_KEY,
    });

    await settings.clearUser();

    expect(await settings.current()).toBeNull();
  });

  it('lets the policy win over the person’s choice', async () => {
    const settings = store();
    await settings.saveUser(USER);
    await setPolicy('https://policy.supabase.co');

    expect((await settings.current())?.source).toBe('managed');
  });

  it('refuses to change the workspace under a policy', async () => {
    await setPolicy('https://policy.supabase.co');

    const attempt = store().saveUser(USER);

    await expect(attempt).rejects.toMatchObject({ code: 'managed' });
  });

  it('ignores a policy with an unusable URL', async () => {
    await setPolicy('http://policy.example/path');

    expect(await store().current()).toBeNull();
  });
});
