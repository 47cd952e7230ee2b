import { useId, useRef } from 'preact/hooks';
import {
  MAX_GUIDE_ENTRIES,
  type GuideDraft,
  type GuideModel,
} from '@/utils/models/guide-model';
import { FieldProblem } from './PublishingGuideFieldProblem';
import { PublishingGuideLinks } from './PublishingGuideLinks';
import { EDIT_LIST_STYLE, PublishingGuideOrder } from './PublishingGuideOrder';

/** Props of PublishingGuideEditor. */
export interface PublishingGuideEditorProps {
  model: GuideModel;
  draft: GuideDraft;
}

function ChecklistFields({ model, draft }: PublishingGuideEditorProps) {
  const baseId = useId();
  const problems = model.problems.value?.checklist ?? [];
  const count = draft.checklist.length;

  return (
    <fieldset>
      <legend>Checklist</legend>
      <ol class="guide-edit-list" style={EDIT_LIST_STYLE}>
        {draft.checklist.map((item, index) => {
          const id = `${baseId}-item-${index}`;
          const problem = problems[index] ?? null;
          return (
            <li key={index} class="field">
              <label for={id}>Item {index + 1}</label>
              <textarea
                id={id}
                rows={2}
                value={item}
                aria-invalid={problem !== null}
                aria-describedby={problem ? `${id}-problem` : undefined}
                onInput={(event) =>
                  model.items.set(index, event.currentTarget.value)
                }
              />
              <FieldProblem id={`${id}-problem`} text={problem} />
              <PublishingGuideOrder
                name={`item ${index + 1}`}
                index={index}
                count={count}
                onMove={(by) => model.items.move(index, by)}
                onRemove={() => model.items.remove(index)}
              />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        disabled={count >= MAX_GUIDE_ENTRIES}
        onClick={model.items.add}
      >
        Add item
      </button>
    </fieldset>
  );
}

/** Why the draft was not saved: its problems, or the server's answer. */
function SaveProblems({ model }: { model: GuideModel }) {
  const problems = model.problems.value;
  const message = model.saveProblem.value;
  if (!problems && !message) return null;

  return (
    <div class="notice notice--problem" role="alert">
      {problems?.draft && <p>{problems.draft}</p>}
      {problems && !problems.draft && (
        <p>Fix the marked fields, then save again.</p>
      )}
      {message && <p>{message}</p>}
    </div>
  );
}

/**
 * The admin's editor of the publishing guide: checklist items and policy
 * links added, reordered, removed; every problem shown by its field.
 */
export function PublishingGuideEditor(props: PublishingGuideEditorProps) {
  const { model } = props;
  const form = useRef<HTMLFormElement>(null);

  async function submit(event: Event) {
    event.preventDefault();
    await model.save();
    // Land on the first field to fix, so a keyboard user need not search.
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  return (
    <form ref={form} noValidate onSubmit={(event) => void submit(event)}>
      <ChecklistFields {...props} />
      <PublishingGuideLinks {...props} />
      <SaveProblems model={model} />
      <button type="submit" class="primary" disabled={model.saving.value}>
        {model.saving.value ? 'Saving…' : 'Save guide'}
      </button>{' '}
      <button type="button" onClick={model.cancel}>
        Cancel
      </button>
    </form>
  );
}
