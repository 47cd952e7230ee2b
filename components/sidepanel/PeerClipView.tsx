import { useEffect, useState } from 'preact/hooks';
import type { DetailModel } from '@/utils/models/detail-model';
import { detailEndorsing } from '@/utils/models/detail-endorsing';
import type { ClipDetail, FollowTarget } from '@/utils/remote/peer-wire';
import { EndorseButton, type EndorsementKind } from '../shared/EndorseButton';
import { ClipDetailView } from './detail/ClipDetailView';
import { OwnNoteEditor } from './OwnNoteEditor';

/** What endorsing and following from the detail go through. */
export interface PeerClipActions {
  /** Queues an endorsement in the outbox; works offline. */
  endorse(clipId: string, kind: EndorsementKind): Promise<unknown>;
  /** Queues a withdrawal in the outbox; works offline. */
  withdraw(endorsementId: string): Promise<unknown>;
  /** Follows or unfollows; needs the network. Resolves a problem or null. */
  follow(target: FollowTarget, follow: boolean): Promise<string | null>;
  /** The author's new note, saved here and queued for the workspace. */
  editNote(clipId: string, note: string): Promise<unknown>;
}

/** Props of PeerClipView. */
export interface PeerClipViewProps {
  model: DetailModel;
  clipId: string;
  actions: PeerClipActions;
  onBack(): void;
  now?: Date;
}

/**
 * A clip in detail with the reader's Endorse or Withdraw button and the
 * follow buttons wired to the outbox and the background.
 */
export function PeerClipView(props: PeerClipViewProps) {
  const { model, clipId, actions, onBack, now } = props;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void model.open(clipId);
    return () => model.close();
  }, [model, clipId]);

  async function act(work: () => Promise<unknown>, failed: string) {
    setBusy(true);
    try {
      await work();
      setProblem(null);
      await model.reloadLocal();
    } catch (error) {
      console.warn('[peerclip] An endorsement could not be saved.', error);
      setProblem(failed);
    } finally {
      setBusy(false);
    }
  }

  function renderEndorse(detail: ClipDetail) {
    const { state, mine } = detailEndorsing(
      detail,
      model.endorsements.value,
      model.readerId.value,
    );
    return (
      <EndorseButton
        title={detail.clip.title}
        state={state}
        busy={busy}
        problem={problem}
        now={now}
        onEndorse={(kind) =>
          void act(
            () => actions.endorse(detail.clip.id, kind),
            'The endorsement could not be saved.',
          )
        }
        onWithdraw={() =>
          mine &&
          void act(
            () => actions.withdraw(mine.id),
            'The endorsement could not be withdrawn.',
          )
        }
      />
    );
  }

  async function follow(target: FollowTarget, on: boolean) {
    const refused = await actions.follow(target, on).catch((error) => {
      console.warn('[peerclip] Following could not be changed.', error);
      return 'Following could not be changed. Try again in a moment.';
    });
    setProblem(refused);
    if (!refused) await model.refresh();
  }

  function renderNoteActions(detail: ClipDetail) {
    const own = detail.clip.author_id === model.readerId.value;
    if (!own || detail.clip.state === 'draft') return null;

    return (
      <OwnNoteEditor
        key={detail.clip.id}
        note={model.note.value?.text ?? detail.clip.note}
        endorsed={detail.trust === 'trusted'}
        onSave={async (note) => {
          await actions.editNote(detail.clip.id, note);
          await model.reloadLocal();
        }}
      />
    );
  }

  return (
    <ClipDetailView
      model={model}
      now={now}
      onBack={onBack}
      renderEndorse={renderEndorse}
      renderNoteActions={renderNoteActions}
      onFollow={(target, on) => void follow(target, on)}
    />
  );
}
