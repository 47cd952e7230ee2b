import { isWebAddress, type GuideModel } from '@/utils/models/guide-model';
import type { PolicyLink, PublishingGuide } from '@/utils/remote/peer-wire';
import { PublishingGuideEditor } from './PublishingGuideEditor';

/** Props of PublishingGuideSection. */
export interface PublishingGuideSectionProps {
  model: GuideModel;
}

/** A policy link; an address that is not http(s) shows as plain text. */
function PolicyLinkItem({ link }: { link: PolicyLink }) {
  if (!isWebAddress(link.url)) return <li>{link.title}</li>;

  return (
    <li>
      <a href={link.url} target="_blank" rel="noopener noreferrer">
        {link.title}
      </a>
    </li>
  );
}

/** The guide as authors see it before publishing. */
function GuideView({ guide }: { guide: PublishingGuide }) {
  return (
    <>
      <h3>Checklist</h3>
      <ol class="guide-checklist">
        {guide.checklist.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ol>
      {guide.policy_links.length > 0 && (
        <>
          <h3>Policies</h3>
          <ul class="guide-links">
            {guide.policy_links.map((link, index) => (
              <PolicyLinkItem key={index} link={link} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Read-only guide, with Edit for admins and who keeps it for members. */
function GuideReader({ model }: PublishingGuideSectionProps) {
  const guide = model.guide.value;
  if (!guide) return null;

  return (
    <>
      <GuideView guide={guide} />
      {model.saved.value && (
        <p class="hint" role="status">
          Publishing guide saved. Authors tick the new checklist from now on.
        </p>
      )}
      {guide.can_edit ? (
        <button type="button" onClick={model.edit}>
          Edit the guide
        </button>
      ) : (
        <p class="hint">Your workspace admins keep this guide.</p>
      )}
    </>
  );
}

/**
 * "Publishing guide" on the options page: the checklist authors tick and
 * the policy links beside it. Admins edit it here; members read it.
 */
export function PublishingGuideSection({ model }: PublishingGuideSectionProps) {
  const loadProblem = model.loadProblem.value;
  const loading = !model.guide.value && !loadProblem;

  return (
    <section aria-labelledby="guide-title">
      <h2 id="guide-title">Publishing guide</h2>
      <p class="hint">
        What authors confirm before a clip is shared with the organisation.
      </p>
      {loading && <p class="hint">Loading…</p>}
      {loadProblem && <p class="hint">{loadProblem}</p>}
      {model.stale.value && (
        <p class="hint">Offline: the guide as this browser last saw it.</p>
      )}
      {model.draft.value ? (
        <PublishingGuideEditor model={model} draft={model.draft.value} />
      ) : (
        <GuideReader model={model} />
      )}
    </section>
  );
}
