import { useId } from 'preact/hooks';
import { httpHref } from '@/utils/markdown/parse-inline';
import {
  routeSentence,
  type PublishModel,
  type PublishStart,
} from '@/utils/models/publish-model';
import type { PolicyLink } from '@/utils/remote/peer-wire';
import { TopicPicker } from './TopicPicker';
import './detail.css';

/** Props of PublishChecklist. */
export interface PublishChecklistProps {
  model: PublishModel;
  /** The author's own draft, and the topic it is filed under. */
  draft: PublishStart;
}

function PolicyLinks({ links }: { links: PolicyLink[] }) {
  if (links.length === 0) return null;

  return (
    <>
      <h3>Policies to respect</h3>
      <ul class="policy-links">
        {links.map((link) => {
          const href = httpHref(link.url);
          return (
            <li key={link.url}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {link.title}
                </a>
              ) : (
                link.title
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function ChecklistItems({ model }: { model: PublishModel }) {
  const items = model.guide.value?.checklist ?? [];
  const id = useId();

  return (
    <fieldset>
      <legend>Before you publish, check that:</legend>
      {items.map((item, index) => (
        <div class="checklist-item" key={item}>
          <input
            id={`${id}-${index}`}
            type="checkbox"
            checked={model.ticked.value.has(index)}
            onChange={() => model.toggle(index)}
          />
          <label htmlFor={`${id}-${index}`}>{item}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The checklist form: items, policies, topic, where it goes, and submit. */
function ChecklistForm({ model }: { model: PublishModel }) {
  const reasonId = useId();
  const reason = model.blockedReason.value;
  const sending = model.phase.value === 'sending';

  return (
    <form
      class="publish-checklist"
      aria-label="Publishing checklist"
      onSubmit={(event) => {
        event.preventDefault();
        void model.submit();
      }}
    >
      {model.stale.value && (
        <p class="notice" role="status">
          Offline: this is the checklist as last seen. The clip is sent once you
          are back online.
        </p>
      )}
      <ChecklistItems model={model} />
      <PolicyLinks links={model.guide.value?.policy_links ?? []} />
      <TopicPicker
        topics={model.topics.value}
        value={model.topicId.value}
        onChange={model.chooseTopic}
      />
      <p>{routeSentence(model.route.value, model.topic.value?.name ?? null)}</p>
      {reason && (
        <p id={reasonId} class="hint">
          {reason}
        </p>
      )}
      {model.problem.value && (
        <p class="notice notice--problem" role="alert">
          {model.problem.value}
        </p>
      )}
      <div class="actions">
        <button
          type="submit"
          class="primary"
          disabled={reason !== null || sending}
          aria-describedby={reason ? reasonId : undefined}
        >
          {model.route.value === 'direct' ? 'Publish' : 'Submit'}
        </button>
        <button type="button" onClick={model.cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Publishing the author's own draft: a "Publish…" button that opens the
 * organisation's checklist, which must be ticked in full before the clip
 * is published or sent for review.
 */
export function PublishChecklist({ model, draft }: PublishChecklistProps) {
  // One model serves every draft; another draft's checklist is not this one's.
  const phase =
    model.draftId.value === draft.clipId ? model.phase.value : 'closed';

  switch (phase) {
    case 'closed':
      return (
        <button
          type="button"
          class="primary"
          onClick={() => void model.start(draft)}
        >
          Publish…
        </button>
      );
    case 'loading':
      return (
        <p class="hint" role="status">
          Loading the publishing checklist…
        </p>
      );
    case 'failed':
      return (
        <div class="notice notice--problem" role="alert">
          <p>{model.problem.value}</p>
          <button type="button" onClick={() => void model.start(draft)}>
            Try again
          </button>
        </div>
      );
    case 'sent':
      return (
        <p class="notice" role="status">
          {model.route.value === 'direct'
            ? 'Sent for publishing: peers see it once the workspace has it.'
            : 'Sent for review: reviewers’ feedback will show on this clip.'}
        </p>
      );
    default:
      return <ChecklistForm model={model} />;
  }
}
