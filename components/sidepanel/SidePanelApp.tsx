import type { DraftsModel } from '@/utils/models/drafts-model';
import type { StorageModel } from '@/utils/models/storage-model';
import { ProblemNotice } from '../shared/ProblemNotice';
import { SyncOffNotice } from '../shared/SyncOffNotice';
import { DraftDetail } from './DraftDetail';
import { DraftList } from './DraftList';
import { DraftSearch } from './DraftSearch';
import { StorageNotice } from './StorageNotice';

/** Props of SidePanelApp. */
export interface SidePanelAppProps {
  drafts: DraftsModel;
  storage: StorageModel;
}

/** The side panel: My drafts, searchable, and one draft in detail. */
export function SidePanelApp({ drafts, storage }: SidePanelAppProps) {
  const opened = drafts.opened.value;
  const list = drafts.drafts.value;

  return (
    <main class="sidepanel">
      <h1>My drafts</h1>
      <SyncOffNotice />
      <StorageNotice persistence={storage.persistence.value} />
      <ProblemNotice problem={drafts.problem.value} />
      {opened ? (
        <DraftDetail draft={opened} onBack={drafts.close} />
      ) : (
        <>
          <DraftSearch value={drafts.search.value} onInput={drafts.setSearch} />
          {list === null ? (
            <p class="hint" role="status">
              Loading drafts…
            </p>
          ) : (
            <DraftList
              drafts={list}
              searching={drafts.search.value.trim() !== ''}
              onOpen={drafts.open}
            />
          )}
        </>
      )}
    </main>
  );
}
