import type { OnThisPageModel } from '@/utils/models/on-this-page-model';
import { OnThisPageClip } from './OnThisPageClip';
import './on-this-page.css';

/** Props of OnThisPage. */
export interface OnThisPageProps {
  model: OnThisPageModel;
  /** Opens the options page, where the reader signs in. */
  onOpenOptions(): void;
  now?: Date;
}

/** Why there is no list: signed out, local-only, or no web page. */
function Absent({ model, onOpenOptions }: OnThisPageProps) {
  switch (model.status.value) {
    case 'loading':
      return (
        <p class="hint" role="status">
          Looking for peers’ clips of this page…
        </p>
      );
    case 'no-page':
      return <p class="hint">Peers’ clips show here on web pages.</p>;
    default:
      return (
        <p class="hint">
          {model.status.value === 'signed-out'
            ? 'Sign in to see and endorse peers’ clips of this page. '
            : 'Connect a workspace to see peers’ clips of this page. '}
          <button type="button" class="link" onClick={onOpenOptions}>
            Open settings
          </button>
        </p>
      );
  }
}

/** The quiet line over the list: offline, or why it is not fresh. */
function Freshness({ model }: { model: OnThisPageModel }) {
  const empty = model.clips.value.length === 0;
  if (model.offline.value) {
    return (
      <p class="hint" role="status">
        {empty
          ? 'You are offline, and no clips of this page were saved here.'
          : 'Offline: clips as last seen. Endorsements are sent once ' +
            'back online.'}
      </p>
    );
  }
  if (model.problem.value) {
    return <p class="hint">Not refreshed: {model.problem.value}</p>;
  }
  return empty ? (
    <p class="hint">
      No peer has clipped this page yet. Clip a passage to be the first.
    </p>
  ) : null;
}

/**
 * "On this page", under the clipping controls: the published clips peers
 * made of the active tab's page, each with its endorsements and the
 * Endorse button. It shows the cached list first, then the fresh one.
 */
export function OnThisPage(props: OnThisPageProps) {
  const { model, now } = props;
  const ready = model.status.value === 'ready';

  return (
    <section class="on-this-page" aria-labelledby="on-this-page-title">
      <h2 id="on-this-page-title">On this page</h2>
      {ready ? <Freshness model={model} /> : <Absent {...props} />}
      {ready && model.clips.value.length > 0 && (
        <ul class="page-clips">
          {model.clips.value.map((clip) => (
            <OnThisPageClip
              key={clip.item.id}
              clip={clip}
              model={model}
              now={now}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
