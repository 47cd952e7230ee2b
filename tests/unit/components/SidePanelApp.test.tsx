// @vitest-environment jsdom
import { liveQuery } from 'dexie';
import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitForElementToBeRemoved,
  within,
} from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import {
  createDraftsModel,
  type DraftsModel,
} from '@/utils/models/drafts-model';
import { createAccountClient } from '@/utils/models/account-client';
import { createAccountModel } from '@/utils/models/account-model';
import { createRejectionsModel } from '@/utils/models/rejections-model';
import { createStorageModel } from '@/utils/models/storage-model';
import type { RejectedChange } from '@/utils/sync/rejections';
import { ClipRepository } from '@/utils/store/clip-repository';
import { fakeAccountBackground } from '../fakes/account-background';
import { axeViolations } from '../fakes/axe';
import { countingClock, fakeCapture } from '../fakes/captures';
import { freshDatabase } from '../fakes/database';

const persistenceRefused = {
  persisted: async () => false,
  persist: async () => false,
};

describe('SidePanelApp', () => {
  afterEach(cleanup);

  let clips: ClipRepository;
  let drafts: DraftsModel;

  beforeEach(async () => {
    clips = new ClipRepository(freshDatabase(), countingClock());
    const first = await clips.createDraft(
      fakeCapture({ title: 'Safe lifting', quote: 'Bend your knees.' }),
    );
    await clips.annotate(first.id, { note: 'Ask Carol', tags: ['safety'] });
    await clips.createDraft(
      fakeCapture({ title: 'Travel policy', quote: 'Book economy.' }),
    );
    drafts = createDraftsModel({
      observeDrafts: (search) => clips.observeDrafts(search),
    });
  });

  afterEach(() => drafts.dispose());

  function renderPanel(storage = createStorageModel(undefined)) {
    const account = createAccountModel({
      account: createAccountClient(fakeAccountBackground().runtime),
      openOptions: async () => {},
    });
    const rejections = createRejectionsModel({
      observeRejections: () =>
        liveQuery(async (): Promise<RejectedChange[]> => []),
      dismiss: async () => {},
    });
    void account.refresh();
    return render(
      <SidePanelApp
        drafts={drafts}
        storage={storage}
        account={account}
        rejections={rejections}
      />,
    );
  }

  async function titlesListed() {
    const list = await screen.findByRole('list', { name: 'My drafts' });
    return within(list)
      .getAllByRole('button')
      .map((button) => button.querySelector('span')?.textContent);
  }

  it('lists drafts newest first', async () => {
    renderPanel();

    expect(await titlesListed()).toEqual(['Travel policy', 'Safe lifting']);
  });

  it('narrows the list by a search over the note', async () => {
    renderPanel();
    await titlesListed();

    fireEvent.input(screen.getByLabelText('Search drafts'), {
      target: { value: 'carol' },
    });

    await waitForElementToBeRemoved(() => screen.queryByText('Travel policy'));
    expect(await titlesListed()).toEqual(['Safe lifting']);
  });

  it('opens a draft with its note and a safe link to the source', async () => {
    renderPanel();

    fireEvent.click(await screen.findByText('Safe lifting'));

    const link = await screen.findByRole('link', {
      name: 'wiki.northwind.example',
    });
    expect([
      link.getAttribute('rel'),
      screen.getByText('Ask Carol').tagName,
    ]).toEqual(['noopener noreferrer', 'P']);
  });

  it('says sync is off', async () => {
    renderPanel();

    expect(await screen.findByText(/Sync is off/)).toBeTruthy();
  });

  it('warns when the browser refused persistent storage', async () => {
    const storage = createStorageModel(persistenceRefused);
    await storage.request();

    renderPanel(storage);

    expect(screen.getByText(/did not grant persistent storage/)).toBeTruthy();
  });

  it('passes an accessibility check on the list and the detail', async () => {
    renderPanel();
    await titlesListed();
    const onList = await axeViolations(document.body);

    fireEvent.click(screen.getByText('Safe lifting'));
    await screen.findByRole('article');

    expect([onList, await axeViolations(document.body)]).toEqual([[], []]);
  });
});
