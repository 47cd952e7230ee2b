import type { AccountStatus } from '@/utils/messages/account-protocol';
import { exactTime, timeAgo } from '@/utils/models/relative-time';
import type { RejectedChange } from '@/utils/sync/rejections';
import { SyncProblemLine } from './SyncProblemLine';

/** Props of SyncStatus. */
export interface SyncStatusProps {
  status: AccountStatus;
  syncing: boolean;
  /** Why the last "Sync now" could not start, if it could not. */
  requestProblem?: string | null;
  /** The refused changes, for their reasons; the count is enough without. */
  rejected?: RejectedChange[];
  onSyncNow(): void;
  /** Leads to where a person signs in; absent where the form already is. */
  onSignIn?: () => void;
  now?: Date;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** The last successful sync, relative, with the exact time as a tooltip. */
function LastSync({ iso, now }: { iso: string | null; now: Date }) {
  if (!iso) return <>Not synced yet.</>;

  return (
    <>
      Last synced{' '}
      <time dateTime={iso} title={exactTime.format(new Date(iso))}>
        {timeAgo(iso, now)}
      </time>
      .
    </>
  );
}

/**
 * Who is signed in, when sync last succeeded, what waits to be sent and
 * the last problem in plain words, with "Sync now".
 */
export function SyncStatus({
  status,
  syncing,
  requestProblem,
  rejected,
  onSyncNow,
  onSignIn,
  now = new Date(),
}: SyncStatusProps) {
  const { sync, user } = status;
  const pending = sync.pendingCount;

  return (
    <section class="sync-status" aria-label="Sync status">
      <p>{user ? `Signed in as ${user.email}.` : 'Not signed in.'}</p>
      <p>
        <LastSync iso={sync.lastSuccessAt} now={now} />{' '}
        {pending > 0
          ? `${plural(pending, 'change waits', 'changes wait')} to be sent.`
          : 'No changes waiting.'}
      </p>
      {status.conflictCopies > 0 && (
        <p>
          {plural(status.conflictCopies, 'conflict copy', 'conflict copies')} in
          My drafts: compare with the original and keep what you need.
        </p>
      )}
      <SyncProblemLine
        problem={sync.problem}
        rejectedCount={rejected?.length ?? status.rejectedChanges}
        reasons={rejected?.map((change) => change.reason) ?? []}
        onSignIn={onSignIn}
      />
      {requestProblem && (
        <p class="notice notice--problem" role="alert">
          {requestProblem}
        </p>
      )}
      <button type="button" disabled={syncing} onClick={onSyncNow}>
        {syncing ? 'Syncing…' : 'Sync now'}
      </button>
    </section>
  );
}
