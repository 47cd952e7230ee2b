// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import type { AccountStatus } from '@/utils/messages/account-protocol';
import { createAccountClient } from '@/utils/models/account-client';
import { createAccountModel } from '@/utils/models/account-model';
import { createDraftsModel } from '@/utils/models/drafts-model';
import { createRejectionsModel } from '@/utils/models/rejections-model';
import { createStorageModel } from '@/utils/models/storage-model';
import { ClipRepository } from '@/utils/store/clip-repository';
import type { PeerclipDb } from '@/utils/store/database';
import { rejections, type RejectedChange } from '@/utils/sync/rejections';
import {
  fakeAccountBackground,
  signedInStatus,
} from '../fakes/account-background';
import { axeViolations } from '../fakes/axe';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

const refusal = (clipId: string): RejectedChange => ({
  changeId: 'change-1',
  clipId,
  type: 'clip.upsert',
  reason: 'note: longer than 20000 characters',
  code: '22001',
  rejectedAt: '2026-12-03T10:00:00.000Z',
});

describe('SidePanelApp with a workspace', () => {
  afterEach(cleanup);

  let db: PeerclipDb;
  let clips: ClipRepository;
  let originalId: string;

  beforeEach(async () => {
    db = freshDatabase();
    clips = new ClipRepository(db, countingClock());
    const original = await clips.createDraft(
      fakeCapture({ title: 'Safe lifting', quoteTruncated: true }),
    );
    const copy = await clips.createDraft(
      fakeCapture({ title: 'Safe lifting, my version' }),
    );
    await db.clips.update(copy.id, { conflictOf: original.id });
    originalId = original.id;
  });

  function renderPanel(status: AccountStatus = signedInStatus()) {
    const drafts = createDraftsModel({
      observeDrafts: (search) => clips.observeDrafts(search),
    });
    const account = createAccountModel({
      account: createAccountClient(fakeAccountBackground(status).runtime),
      openOptions: async () => {},
    });
    const refused = createRejectionsModel({
      observeRejections: () => liveQuery(() => rejections.list(db)),
      dismiss: (changeId) => rejections.dismiss(db, changeId),
    });
    void account.refresh();
    render(
      <SidePanelApp
        drafts={drafts}
        storage={createStorageModel(undefined)}
        account={account}
        rejections={refused}
      />,
    );
  }

  it('shows the sync status instead of "sync is off"', async () => {
    renderPanel();

    expect(
      await screen.findByText('Signed in as carol@northwind.example.'),
    ).toBeTruthy();
  });

  it('marks a conflict copy among the drafts', async () => {
    renderPanel();

    expect(await screen.findByText('Conflict copy')).toBeTruthy();
  });

  it('opens the original from a conflict copy', async () => {
    renderPanel();

    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Open the original: Safe lifting',
      }),
    );

    expect(
      await screen.findByRole('heading', { name: 'Safe lifting' }),
    ).toBeTruthy();
  });

  it('says in a draft’s detail that its quote was cut short', async () => {
    renderPanel();

    fireEvent.click(await screen.findByText('Safe lifting'));

    expect(await screen.findByText(/only its start was kept/)).toBeTruthy();
  });

  it('explains a conflict copy in its detail', async () => {
    renderPanel();

    fireEvent.click(await screen.findByText('Safe lifting, my version'));

    expect(
      await screen.findByText(/kept another version of this draft/),
    ).toBeTruthy();
  });

  it('lists a refused change with the server’s reason', async () => {
    await rejections.add(db, [refusal(originalId)]);

    renderPanel();

    expect(
      await screen.findByText(
        'Saving the clip on “Safe lifting” was refused: ' +
          'note: longer than 20000 characters',
      ),
    ).toBeTruthy();
  });

  it('forgets a refused change on Dismiss', async () => {
    await rejections.add(db, [refusal(originalId)]);
    renderPanel();

    fireEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));

    await expect
      .poll(() => screen.queryByRole('button', { name: 'Dismiss' }))
      .toBeNull();
  });

  it('passes an accessibility check with a conflict and a refusal', async () => {
    await rejections.add(db, [refusal(originalId)]);
    renderPanel();
    await screen.findByText('Conflict copy');
    await screen.findByRole('button', { name: 'Dismiss' });

    expect(await axeViolations(document.body)).toEqual([]);
  });
});
