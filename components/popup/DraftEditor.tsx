import type { Clip } from '@/utils/models/clip';
import type { PopupModel } from '@/utils/models/popup-model';
import { NoteField } from './NoteField';
import { TagsField } from './TagsField';

/** Props of DraftEditor. */
export interface DraftEditorProps {
  model: PopupModel;
  draft: Clip;
}

const SAVE_STATE_TEXT = {
  saved: 'Saved',
  unsaved: 'Saving…',
  failed: 'Not saved',
};

/** The draft just clipped: its quote, an editable note and tags. */
export function DraftEditor({ model, draft }: DraftEditorProps) {
  const flush = () => void model.flush();

  return (
    <section class="draft" aria-labelledby="draft-title">
      <h2 id="draft-title">{draft.title || 'Untitled page'}</h2>
      <blockquote class="quote">{draft.quote}</blockquote>
      {draft.quoteTruncated && (
        <p class="hint">The selection was long: only its start was kept.</p>
      )}
      <NoteField
        value={model.note.value}
        remaining={model.noteRemaining.value}
        onInput={model.editNote}
        onBlur={flush}
      />
      <TagsField
        value={model.tagText.value}
        count={model.tagCount.value}
        onInput={model.editTags}
        onBlur={flush}
      />
      <p class="save-state" role="status">
        {model.saveProblem.value ?? SAVE_STATE_TEXT[model.saveState.value]}
      </p>
      <button type="button" class="danger" onClick={() => model.discard()}>
        Discard draft
      </button>
    </section>
  );
}
