// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncStatus } from '@/components/shared/SyncStatus';
import type { AccountStatus } from '@/utils/messages/account-protocol';
import type { RejectedChange } from '@/utils/sync/rejections';
import type { SyncProblemCode, SyncState } from '@/utils/sync/sync-state';
import { signedInStatus } from '../fakes/account-background';
import { axeViolations } from '../fakes/axe';

const NOW = new Date('2026-12-03T10:00:00Z');

const REFUSED: RejectedChange = {
  changeId: 'change-1',
  clipId: 'clip-1',
  type: 'clip.upsert',
  reason: 'note: longer than 20000 characters',
  code: '22001',
  rejectedAt: '2026-12-03T09:00:00.000Z',
};

function withSync(sync: Partial<SyncState>): AccountStatus {
  const status = signedInStatus();
  return { ...status, sync: { ...status.sync, ...sync } };
}

function withProblem(code: SyncProblemCode, message = 'HTTP 500') {
  return withSync({ problem: { code, message } });
}

function renderStatus(
  status: AccountStatus,
  extra: Partial<Parameters<typeof SyncStatus>[0]> = {},
) {
  const calls: string[] = [];
  render(
    <SyncStatus
      status={status}
      syncing={false}
      onSyncNow={() => calls.push('sync')}
      onSignIn={() => calls.push('sign-in')}
      now={NOW}
      {...extra}
    />,
  );
  return calls;
}

describe('SyncStatus', () => {
  afterEach(cleanup);

  it('says who is signed in', () => {
    renderStatus(signedInStatus());

    expect(
      screen.getByText('Signed in as carol@northwind.example.'),
    ).toBeTruthy();
  });

  it('gives the last sync as a relative time with the exact one', () => {
    renderStatus(withSync({ lastSuccessAt: '2026-12-03T09:57:00Z' }));

    const time = screen.getByText('3 minutes ago');
    expect(time.getAttribute('title')).toMatch(/December 3, 2026/);
  });

  it('counts the changes waiting to be sent', () => {
    renderStatus(withSync({ pendingCount: 3 }));

    expect(screen.getByText(/3 changes wait to be sent/)).toBeTruthy();
  });

  it('counts the conflict copies waiting in My drafts', () => {
    renderStatus({ ...signedInStatus(), conflictCopies: 2 });

    expect(screen.getByText(/^2 conflict copies in My drafts/)).toBeTruthy();
  });

  it('says when the workspace cannot be reached', () => {
    renderStatus(withProblem('offline'));

    expect(screen.getByRole('status').textContent).toMatch(/^Offline/);
  });

  it('leads to signing in again when the session expired', () => {
    const calls = renderStatus(withProblem('session-expired'));

    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));

    expect(calls).toEqual(['sign-in']);
  });

  it('offers to sign in when nobody is signed in', () => {
    renderStatus(withProblem('signed-out'));

    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('says how many changes the server refused, and why', () => {
    renderStatus(withProblem('rejected'), { rejected: [REFUSED] });

    expect(screen.getByRole('status').textContent).toBe(
      'The server refused 1 change: note: longer than 20000 characters',
    );
  });

  it('counts refusals from the status when their reasons are not at hand', () => {
    renderStatus({ ...withProblem('rejected'), rejectedChanges: 2 });

    expect(screen.getByRole('status').textContent).toBe(
      'The server refused 2 changes.',
    );
  });

  it('gives the reason of any other failure', () => {
    renderStatus(withProblem('failed', 'The server answered 500.'));

    expect(screen.getByRole('status').textContent).toMatch(
      /^Sync failed: The server answered 500\./,
    );
  });

  it('says why Sync now could not start', () => {
    renderStatus(signedInStatus(), {
      requestProblem: 'Peerclip’s background did not answer.',
    });

    expect(screen.getByRole('alert').textContent).toMatch(/did not answer/);
  });

  it('asks for a sync on Sync now', () => {
    const calls = renderStatus(signedInStatus());

    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));

    expect(calls).toEqual(['sync']);
  });

  it('disables Sync now while a sync runs', () => {
    renderStatus(signedInStatus(), { syncing: true });

    expect(
      screen.getByRole('button', { name: 'Syncing…' }).hasAttribute('disabled'),
    ).toBe(true);
  });

  it.each([
    ['offline', withProblem('offline')],
    ['session-expired', withProblem('session-expired')],
    ['signed-out', withProblem('signed-out')],
    ['rejected', { ...withProblem('rejected'), rejectedChanges: 1 }],
    ['failed', withProblem('failed')],
  ])('passes an accessibility check when %s', async (_, status) => {
    renderStatus(
      { ...status, sync: { ...status.sync, lastSuccessAt: NOW.toISOString() } },
      { rejected: [REFUSED] },
    );

    expect(await axeViolations(document.body)).toEqual([]);
  });
});
