import type { AccountModel } from '@/utils/models/account-model';
import type { DraftsModel } from '@/utils/models/drafts-model';
import type { RejectionsModel } from '@/utils/models/rejections-model';
import type { StorageModel } from '@/utils/models/storage-model';
import { ProblemNotice } from '../shared/ProblemNotice';
import { DraftDetail } from './DraftDetail';
import { DraftList } from './DraftList';
import { DraftSearch } from './DraftSearch';
import { RejectedChanges } from './RejectedChanges';
import { StorageNotice } from './StorageNotice';
import { SyncBanner } from './SyncBanner';

/** Props of SidePanelApp. */
export interface SidePanelAppProps {
  drafts: DraftsModel;
  storage: StorageModel;
  account: AccountModel;
  rejections: RejectionsModel;
  now?: Date;
}

/** My drafts, searchable, with the changes the server refused. */
function DraftsView({ drafts, rejections }: SidePanelAppProps) {
  const list = drafts.drafts.value;
  if (list === null) {
    return (
      <p class="hint" role="status">
        Loading drafts…
      </p>
    );
  }

  const titleOf = (id: string) => list.find((clip) => clip.id === id)?.title;
  return (
    <>
      <ProblemNotice
        problem={
          rejections.problem.value
            ? { message: rejections.problem.value }
            : null
        }
      />
      <RejectedChanges
        rejected={rejections.rejected.value}
        titleOf={titleOf}
        onDismiss={(changeId) => void rejections.dismiss(changeId)}
      />
      <DraftSearch value={drafts.search.value} onInput={drafts.setSearch} />
      <DraftList
        drafts={list}
        searching={drafts.search.value.trim() !== ''}
        onOpen={drafts.open}
        onOpenOriginal={drafts.openOriginal}
      />
    </>
  );
}

/** The side panel: sync status, My drafts and one draft in detail. */
export function SidePanelApp(props: SidePanelAppProps) {
  const { drafts, storage, account, rejections, now } = props;
  const opened = drafts.opened.value;

  return (
    <main class="sidepanel">
      <h1>My drafts</h1>
      <SyncBanner account={account} rejections={rejections} now={now} />
      <StorageNotice persistence={storage.persistence.value} />
      <ProblemNotice problem={drafts.problem.value} />
      {opened ? (
        <DraftDetail
          draft={opened}
          onBack={drafts.close}
          onOpenOriginal={drafts.openOriginal}
        />
      ) : (
        <DraftsView {...props} />
      )}
      <footer>
        <button
          type="button"
          class="link"
          onClick={() => void account.openOptions()}
        >
          Settings
        </button>
      </footer>
    </main>
  );
}
