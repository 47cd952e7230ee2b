import type {
  EndorsementKind,
  EndorseState,
} from '@/components/shared/EndorseButton';
import type { ClipDetail } from '@/utils/remote/peer-wire';
import type { EndorsementEntry } from './detail-model';

/** What the detail's Endorse button needs to act on. */
export interface DetailEndorsing {
  state: EndorseState;
  /** The reader's active endorsement, to withdraw. */
  mine: EndorsementEntry | null;
}

/**
 * Where the reader stands with a clip in detail: its author, holding an
 * active endorsement (sent or queued here), or free to endorse, officially
 * when they endorse the clip's regulated topic.
 */
export function detailEndorsing(
  detail: ClipDetail,
  endorsements: EndorsementEntry[],
  readerId: string | null,
): DetailEndorsing {
  if (readerId === null) {
    const reason = 'Sign in to endorse clips.';
    return { state: { kind: 'unavailable', reason }, mine: null };
  }
  if (detail.clip.author_id === readerId) {
    return { state: { kind: 'own-clip' }, mine: null };
  }
  if (detail.clip.state !== 'published') {
    const reason = 'Only published clips are endorsed.';
    return { state: { kind: 'unavailable', reason }, mine: null };
  }

  const mine = endorsements.find(
    (row) => row.endorserId === readerId && row.status === 'active',
  );
  if (mine) {
    const { kind, pending, expiresAt } = mine;
    const endorsement: EndorsementKind = kind;
    return {
      state: { kind: 'endorsed', endorsement, pending, expiresAt },
      mine,
    };
  }
  const kind = detail.can_endorse_officially
    ? 'can-endorse-officially'
    : 'can-endorse';
  return { state: { kind }, mine: null };
}
