import type { EndorsementEntry } from '@/utils/models/detail-model';
import type { EndorsementStatus } from '@/utils/remote/peer-wire';
import { TimeAgo } from './TimeAgo';

/** Props of EndorsementList. */
export interface EndorsementListProps {
  endorsements: EndorsementEntry[];
  readerId: string | null;
  now: Date;
}

const STATUS_LABELS: Record<EndorsementStatus, string> = {
  active: 'Active',
  lapsed: 'Lapsed: the text changed since',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

function expiryOf(entry: EndorsementEntry): string | null {
  if (!entry.expiresAt || entry.status !== 'active') return null;
  return `expires ${day.format(new Date(entry.expiresAt))}`;
}

/** Who endorsed the clip, when, how, until when, and how it stands now. */
export function EndorsementList(props: EndorsementListProps) {
  const { endorsements, readerId, now } = props;
  if (endorsements.length === 0) {
    return <p class="hint">No endorsements yet.</p>;
  }

  return (
    <ul class="endorsement-list">
      {endorsements.map((entry) => (
        <li key={entry.id} class={`endorsement endorsement--${entry.status}`}>
          <strong>
            {entry.endorserId === readerId
              ? 'You'
              : (entry.endorserName ?? 'A colleague')}
          </strong>{' '}
          · {entry.kind === 'official' ? 'Official' : 'Peer'} ·{' '}
          <TimeAgo iso={entry.createdAt} now={now} />
          {expiryOf(entry) && <> · {expiryOf(entry)}</>}{' '}
          <span class={`badge badge--${entry.status}`}>
            {STATUS_LABELS[entry.status]}
          </span>
          {entry.pending && <span class="badge">Sending…</span>}
        </li>
      ))}
    </ul>
  );
}
