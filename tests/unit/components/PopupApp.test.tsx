// @vitest-environment jsdom
import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PopupApp } from '@/components/popup/PopupApp';
import type { ClipMode, ClipOutcome } from '@/utils/messages/protocol';
import { createAccountClient } from '@/utils/models/account-client';
import {
  createAccountModel,
  type AccountModel,
} from '@/utils/models/account-model';
import { createPopupModel, type PopupModel } from '@/utils/models/popup-model';
import { ClipRepository } from '@/utils/store/clip-repository';
import { clipFailure } from '@/utils/clipping/clip-failures';
import {
  fakeAccountBackground,
  signedInStatus,
} from '../fakes/account-background';
import { axeViolations } from '../fakes/axe';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

describe('PopupApp', () => {
  afterEach(cleanup);

  let clips: ClipRepository;
  let outcomes: Record<ClipMode, () => Promise<ClipOutcome>>;
  let model: PopupModel;
  let account: AccountModel;

  beforeEach(() => {
    clips = new ClipRepository(freshDatabase(), countingClock());
    const clipped = async (): Promise<ClipOutcome> => {
      const draft = await clips.createDraft(fakeCapture());
      return { ok: true, clipId: draft.id };
    };
    outcomes = { selection: clipped, page: clipped };
    model = createPopupModel(
      {
        clipActiveTab: (mode) => outcomes[mode](),
        clips,
        openDrafts: async () => {},
      },
      0,
    );
    account = createAccountModel({
      account: createAccountClient(fakeAccountBackground().runtime),
      openOptions: async () => {},
    });
  });

  async function clipSelection() {
    render(<PopupApp model={model} account={account} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clip selection' }));
    return screen.findByLabelText('Note');
  }

  it('shows the new draft’s quote after clipping', async () => {
    await clipSelection();

    expect(screen.getByText('Bend your knees, not your back.')).toBeTruthy();
  });

  it('saves the note while typing', async () => {
    const note = await clipSelection();

    fireEvent.input(note, { target: { value: 'Applies to depots.' } });

    await waitFor(async () =>
      expect((await clips.currentDraft())?.note).toBe('Applies to depots.'),
    );
  });

  it('shows the characters left for the note', async () => {
    const note = await clipSelection();

    fireEvent.input(note, { target: { value: 'x'.repeat(1000) } });

    expect(screen.getByText('19,000 of 20,000 characters left')).toBeTruthy();
  });

  it('keeps an over-long note on screen and says why it was not saved', async () => {
    const note = await clipSelection();

    fireEvent.input(note, { target: { value: 'x'.repeat(20_005) } });

    expect(
      await screen.findByText(/5 characters over the limit of 20,000/),
    ).toBeTruthy();
    expect((note as HTMLTextAreaElement).value).toHaveLength(20_005);
  });

  it('saves the tags typed with commas', async () => {
    await clipSelection();

    fireEvent.input(screen.getByLabelText('Tags'), {
      target: { value: 'safety, depot' },
    });

    await waitFor(async () =>
      expect((await clips.currentDraft())?.tags).toEqual(['safety', 'depot']),
    );
  });

  it('offers to clip the page when nothing is selected', async () => {
    outcomes.selection = async () => clipFailure('no-selection');
    render(<PopupApp model={model} account={account} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clip selection' }));
    await screen.findByRole('alert');

    fireEvent.click(screen.getAllByRole('button', { name: 'Clip page' })[1]!);

    expect(await screen.findByLabelText('Note')).toBeTruthy();
  });

  it('discards the draft', async () => {
    await clipSelection();

    fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));

    await waitFor(async () => expect(await clips.listDrafts()).toEqual([]));
  });

  it('reopens the draft it was editing', async () => {
    await clips.createDraft(fakeCapture({ quote: 'Earlier clip.' }));

    await model.restore();
    render(<PopupApp model={model} account={account} />);

    expect(screen.getByText('Earlier clip.')).toBeTruthy();
  });

  it('passes an accessibility check with a draft open', async () => {
    await clipSelection();

    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('shows the sync status in the footer once connected', async () => {
    account = createAccountModel({
      account: createAccountClient(
        fakeAccountBackground(signedInStatus()).runtime,
      ),
      openOptions: async () => {},
    });
    await account.refresh();

    render(<PopupApp model={model} account={account} />);

    expect(screen.getByRole('status').textContent).toBe('Not synced yet.');
  });
});
