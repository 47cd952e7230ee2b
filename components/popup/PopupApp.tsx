import type { AccountModel } from '@/utils/models/account-model';
import type { OnThisPageModel } from '@/utils/models/on-this-page-model';
import type { PopupModel } from '@/utils/models/popup-model';
import { ProblemNotice } from '../shared/ProblemNotice';
import { ClipButtons } from './ClipButtons';
import { DraftEditor } from './DraftEditor';
import { OnThisPage } from './OnThisPage';
import { SyncSummary } from './SyncSummary';

/** Props of PopupApp. */
export interface PopupAppProps {
  model: PopupModel;
  /** The account and sync state, for the footer. */
  account: AccountModel;
  /** Peers' clips of the page; absent, the popup only clips. */
  onThisPage?: OnThisPageModel;
}

/** The toolbar popup: clip, then annotate the new draft. */
export function PopupApp({ model, account, onThisPage }: PopupAppProps) {
  const draft = model.draft.value;

  return (
    <main class="popup">
      <h1>Peerclip</h1>
      <ClipButtons model={model} />
      <ProblemNotice
        problem={model.problem.value}
        onClipPage={() => model.clip('page')}
      />
      {draft ? (
        <DraftEditor model={model} draft={draft} />
      ) : (
        <p class="hint">Select text on the page, then clip it.</p>
      )}
      {onThisPage && (
        <OnThisPage
          model={onThisPage}
          onOpenOptions={() => void account.openOptions()}
        />
      )}
      <footer>
        <button type="button" class="link" onClick={() => model.openDrafts()}>
          My drafts
        </button>
        <SyncSummary account={account} />
      </footer>
    </main>
  );
}
