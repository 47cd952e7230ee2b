// @vitest-environment jsdom
import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PeerClipView,
  type PeerClipActions,
} from '@/components/sidepanel/PeerClipView';
import { createDetailModel } from '@/utils/models/detail-model';
import type { ClipDetail, DetailClip } from '@/utils/remote/peer-wire';
import type { PeerclipDb } from '@/utils/store/database';
import { DiscussionRepository } from '@/utils/store/discussion-repository';
import { axeViolations } from '../fakes/axe';
import { freshDatabase } from '../fakes/database';
import {
  fakeAnswer,
  fakeClipDetail,
  fakeDetailEndorsement,
  fakeLocalEndorsement,
} from '../fakes/peer-fakes';

const NOW = new Date('2026-12-03T12:00:00.000Z');
const ENDORSE = 'Endorse ‘Safe lifting’';
const WITHDRAW = 'Withdraw your endorsement of ‘Safe lifting’';

/** Alice's published clip, as the background answers it. */
function aliceClip(
  clip: Partial<DetailClip> = {},
  rest: Partial<ClipDetail> = {},
): ClipDetail {
  return fakeClipDetail({ note: 'Ask Carol.', ...clip }, rest);
}

interface Setup {
  detail?: ClipDetail;
  reader?: string;
  actions?: Partial<PeerClipActions>;
  db?: PeerclipDb;
}

/**
 * The detail of one clip over a real discussion store in fake-indexeddb:
 * the actions write there, and the model reads it back.
 */
function renderClip(setup: Setup = {}) {
  const db = setup.db ?? freshDatabase();
  const discussion = new DiscussionRepository(db, () => NOW);
  const calls: unknown[][] = [];
  const loads: string[] = [];
  // The author's copies in this browser, as the clip repository keeps them.
  const copies = new Map<string, { note: string; version: number }>();
  const model = createDetailModel({
    loadDetail: async (clipId) => {
      loads.push(clipId);
      return fakeAnswer(setup.detail ?? aliceClip(), NOW.toISOString());
    },
    localComments: (clipId) => discussion.commentsOf(clipId),
    localEndorsements: (clipId) => discussion.endorsementsOf(clipId),
    localClip: async (clipId) => copies.get(clipId),
    addComment: (input) => discussion.addComment(input),
    editComment: (id, body) => discussion.editComment(id, body),
    deleteComment: (id) => discussion.deleteComment(id),
    me: async () => setup.reader ?? 'bob-id',
    now: () => NOW,
  });
  const actions: PeerClipActions = {
    endorse: (clipId, kind) => {
      calls.push(['endorse', clipId, kind]);
      return discussion.endorse({ clipId, kind, endorserId: 'bob-id' });
    },
    withdraw: (endorsementId) => {
      calls.push(['withdraw', endorsementId]);
      return discussion.withdraw(endorsementId);
    },
    follow: async (target, follow) => {
      calls.push(['follow', target, follow]);
      return null;
    },
    editNote: async (clipId, note) => {
      calls.push(['editNote', clipId, note]);
      const version = (setup.detail ?? aliceClip()).clip.version;
      copies.set(clipId, { note, version });
    },
    ...setup.actions,
  };
  const view = render(
    <PeerClipView
      model={model}
      clipId="clip-1"
      actions={actions}
      onBack={() => calls.push(['back'])}
      now={NOW}
    />,
  );
  return { ...view, calls, loads, db };
}

const title = () => screen.findByRole('heading', { name: 'Safe lifting' });

describe('PeerClipView', () => {
  afterEach(cleanup);
  afterEach(() => vi.restoreAllMocks());

  it('endorses the clip and shows the endorsement as queued', async () => {
    const { calls } = renderClip();

    fireEvent.click(await screen.findByRole('button', { name: ENDORSE }));

    expect(await screen.findByText(/You endorsed this\./)).toBeTruthy();
    expect(calls).toEqual([['endorse', 'clip-1', 'peer']]);
  });

  it('offers Endorse again once the reader withdrew', async () => {
    const { calls } = renderClip();
    fireEvent.click(await screen.findByRole('button', { name: ENDORSE }));

    fireEvent.click(await screen.findByRole('button', { name: WITHDRAW }));

    expect(await screen.findByRole('button', { name: ENDORSE })).toBeTruthy();
    expect(calls.map(([action]) => action)).toEqual(['endorse', 'withdraw']);
  });

  it('withdraws an endorsement the workspace already holds', async () => {
    const db = freshDatabase();
    await db.endorsements.add(fakeLocalEndorsement({ id: 'endorsement-9' }));
    const detail = aliceClip(
      {},
      { endorsements: [fakeDetailEndorsement({ id: 'endorsement-9' })] },
    );
    const { calls } = renderClip({ db, detail });

    fireEvent.click(await screen.findByRole('button', { name: WITHDRAW }));

    expect(await screen.findByRole('button', { name: ENDORSE })).toBeTruthy();
    expect(calls).toEqual([['withdraw', 'endorsement-9']]);
  });

  it('says so when the endorsement cannot be saved', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderClip({
      actions: { endorse: () => Promise.reject(new Error('Closed.')) },
    });

    fireEvent.click(await screen.findByRole('button', { name: ENDORSE }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'The endorsement could not be saved.',
    );
  });

  it('offers no Endorse button on the reader’s own clip', async () => {
    renderClip({ reader: 'alice-id' });
    await title();

    expect([
      screen.queryByRole('button', { name: /^Endorse/ }),
      screen.getByText('Your clip: peers endorse it.'),
    ]).toEqual([null, expect.anything()]);
  });

  it('offers Edit note on the reader’s own published clip', async () => {
    renderClip({ reader: 'alice-id' });

    expect(
      await screen.findByRole('button', { name: 'Edit note' }),
    ).toBeTruthy();
  });

  it('offers no Edit note on someone else’s clip', async () => {
    renderClip();
    await title();

    expect(screen.queryByRole('button', { name: 'Edit note' })).toBeNull();
  });

  it('offers no Edit note on the reader’s own draft', async () => {
    renderClip({ reader: 'alice-id', detail: aliceClip({ state: 'draft' }) });
    await title();

    expect(screen.queryByRole('button', { name: 'Edit note' })).toBeNull();
  });

  it('saves the author’s new note through the actions', async () => {
    const { calls } = renderClip({ reader: 'alice-id' });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit note' }));
    fireEvent.input(screen.getByLabelText('Note'), {
      target: { value: 'Ask Dan.' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));

    await waitFor(() =>
      expect(calls).toEqual([['editNote', 'clip-1', 'Ask Dan.']]),
    );
  });

  it('shows the saved note at once, marked as not yet sent', async () => {
    renderClip({ reader: 'alice-id' });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit note' }));
    fireEvent.input(screen.getByLabelText('Note'), {
      target: { value: 'Ask Dan first.' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));

    expect(await screen.findByText('Ask Dan first.')).toBeTruthy();
    expect(
      screen.getByText('Saved here; peers see it after the next sync.'),
    ).toBeTruthy();
  });

  it('warns the author that an edit lapses endorsements', async () => {
    renderClip({
      reader: 'alice-id',
      detail: aliceClip({}, { trust: 'trusted' }),
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Edit note' }));

    expect(screen.getByText(/lapses its official endorsement/)).toBeTruthy();
  });

  it('follows the author and reads the clip again', async () => {
    const { calls, loads } = renderClip();

    fireEvent.click(
      await screen.findByRole('button', { name: 'Follow Alice' }),
    );

    await waitFor(() => expect(loads).toHaveLength(2));
    expect(calls).toEqual([
      ['follow', { kind: 'person', id: 'alice-id' }, true],
    ]);
  });

  it('says why following was refused', async () => {
    renderClip({
      actions: { follow: async () => 'You are offline: try again later.' },
    });

    fireEvent.click(
      await screen.findByRole('button', { name: 'Follow Alice' }),
    );

    expect((await screen.findByRole('alert')).textContent).toBe(
      'You are offline: try again later.',
    );
  });

  it('says so when following fails outright', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderClip({
      actions: { follow: () => Promise.reject(new Error('No answer.')) },
    });

    fireEvent.click(
      await screen.findByRole('button', { name: 'Follow Alice' }),
    );

    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Following could not be changed/,
    );
  });

  it('goes back when asked', async () => {
    const { calls } = renderClip();

    fireEvent.click(await screen.findByRole('button', { name: '← Back' }));

    expect(calls).toEqual([['back']]);
  });

  it('passes an accessibility check, endorsed and as the author', async () => {
    const { container } = renderClip();
    fireEvent.click(await screen.findByRole('button', { name: ENDORSE }));
    await screen.findByRole('button', { name: WITHDRAW });
    const endorsed = await axeViolations(container);
    cleanup();

    const own = renderClip({ reader: 'alice-id' });
    await screen.findByRole('button', { name: 'Edit note' });

    expect([endorsed, await axeViolations(own.container)]).toEqual([[], []]);
  });
});
