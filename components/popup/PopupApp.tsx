import type { PopupModel } from '@/utils/models/popup-model';
import { ProblemNotice } from '../shared/ProblemNotice';
import { SyncOffNotice } from '../shared/SyncOffNotice';
import { ClipButtons } from './ClipButtons';
import { DraftEditor } from './DraftEditor';

/** Props of PopupApp. */
export interface PopupAppProps {
  model: PopupModel;
}

/** The toolbar popup: clip, then annotate the new draft. */
export function PopupApp({ model }: PopupAppProps) {
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
      <footer>
        <button type="button" class="link" onClick={() => model.openDrafts()}>
          My drafts
        </button>
        <SyncOffNotice />
      </footer>
    </main>
  );
}
