// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncSummary } from '@/components/popup/SyncSummary';
import type { AccountStatus } from '@/utils/messages/account-protocol';
import { createAccountClient } from '@/utils/models/account-client';
import { createAccountModel } from '@/utils/models/account-model';
import { INITIAL_SYNC_STATE, type SyncState } from '@/utils/sync/sync-state';
import {
  fakeAccountBackground,
  fakeStatus,
  signedInStatus,
} from '../fakes/account-background';
import { axeViolations } from '../fakes/axe';

const now = new Date('2026-12-03T10:05:00.000Z');

function syncState(overrides: Partial<SyncState>): SyncState {
  return { ...INITIAL_SYNC_STATE, ...overrides };
}

async function renderSummary(status: AccountStatus) {
  let opened = 0;
  const account = createAccountModel({
    account: createAccountClient(fakeAccountBackground(status).runtime),
    openOptions: async () => void (opened += 1),
  });
  await account.refresh();
  const rendered = render(<SyncSummary account={account} now={now} />);
  return { ...rendered, optionsOpened: () => opened };
}

describe('SyncSummary', () => {
  afterEach(cleanup);

  it('says sync is off in local-only mode', async () => {
    await renderSummary(fakeStatus());

    expect(screen.getByRole('note').textContent).toMatch(/^Sync is off/);
  });

  it('says when the last sync succeeded once connected', async () => {
    const sync = syncState({ lastSuccessAt: '2026-12-03T10:00:00.000Z' });

    await renderSummary(signedInStatus({ sync }));

    expect(screen.getByRole('status').textContent).toBe(
      'Synced 5 minutes ago.',
    );
  });

  it('counts the changes waiting while offline', async () => {
    const problem = { code: 'offline' as const, message: 'Offline.' };
    const sync = syncState({ pendingCount: 2, problem });

    await renderSummary(signedInStatus({ sync }));

    expect(screen.getByRole('status').textContent).toBe(
      'Offline: 2 changes wait to be sent.',
    );
  });

  it('asks to sign in when connected without an account', async () => {
    await renderSummary(signedInStatus({ user: null }));

    expect(screen.getByRole('status').textContent).toMatch(/Not signed in/);
  });

  it('opens the options page to sign in again', async () => {
    const problem = { code: 'session-expired' as const, message: 'Expired.' };
    const opened = await renderSummary(
      signedInStatus({ sync: syncState({ problem }) }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(opened.optionsOpened()).toBe(1);
  });

  it('passes an accessibility check with changes waiting', async () => {
    const sync = syncState({
      lastSuccessAt: '2026-12-03T09:00:00.000Z',
      pendingCount: 1,
    });
    const { container } = await renderSummary(signedInStatus({ sync }));

    expect(await axeViolations(container)).toEqual([]);
  });
});
