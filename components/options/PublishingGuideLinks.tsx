import { useId } from 'preact/hooks';
import {
  MAX_GUIDE_ENTRIES,
  type GuideDraft,
  type GuideModel,
} from '@/utils/models/guide-model';
import type { PolicyLink } from '@/utils/remote/peer-wire';
import { FieldProblem } from './PublishingGuideFieldProblem';
import { EDIT_LIST_STYLE, PublishingGuideOrder } from './PublishingGuideOrder';

/** Props of PublishingGuideLinks. */
export interface PublishingGuideLinksProps {
  model: GuideModel;
  draft: GuideDraft;
}

interface LinkFieldsProps {
  model: GuideModel;
  link: PolicyLink;
  index: number;
  count: number;
}

function LinkFields({ model, link, index, count }: LinkFieldsProps) {
  const id = `${useId()}-link`;
  const problem = model.problems.value?.links[index];
  const described = (field: 'title' | 'url') =>
    problem?.[field] ? `${id}-${field}-problem` : undefined;

  return (
    <li class="field">
      <label for={`${id}-title`}>Title of link {index + 1}</label>
      <input
        id={`${id}-title`}
        value={link.title}
        aria-invalid={Boolean(problem?.title)}
        aria-describedby={described('title')}
        onInput={(event) =>
          model.policyLinks.set(index, { title: event.currentTarget.value })
        }
      />
      <FieldProblem id={`${id}-title-problem`} text={problem?.title ?? null} />
      <label for={`${id}-url`}>Address of link {index + 1}</label>
      <input
        id={`${id}-url`}
        type="url"
        value={link.url}
        placeholder="https://"
        aria-invalid={Boolean(problem?.url)}
        aria-describedby={described('url')}
        onInput={(event) =>
          model.policyLinks.set(index, { url: event.currentTarget.value })
        }
      />
      <FieldProblem id={`${id}-url-problem`} text={problem?.url ?? null} />
      <PublishingGuideOrder
        name={`link ${index + 1}`}
        index={index}
        count={count}
        onMove={(by) => model.policyLinks.move(index, by)}
        onRemove={() => model.policyLinks.remove(index)}
      />
    </li>
  );
}

/** The policy links being edited: a title and a web address each. */
export function PublishingGuideLinks({
  model,
  draft,
}: PublishingGuideLinksProps) {
  const count = draft.links.length;

  return (
    <fieldset>
      <legend>Policy links</legend>
      <ol class="guide-edit-list" style={EDIT_LIST_STYLE}>
        {draft.links.map((link, index) => (
          <LinkFields
            key={index}
            model={model}
            link={link}
            index={index}
            count={count}
          />
        ))}
      </ol>
      <button
        type="button"
        disabled={count >= MAX_GUIDE_ENTRIES}
        onClick={model.policyLinks.add}
      >
        Add link
      </button>
    </fieldset>
  );
}
