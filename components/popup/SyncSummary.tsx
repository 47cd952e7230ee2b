import type { AccountStatus } from '@/utils/messages/account-protocol';
import type { AccountModel } from '@/utils/models/account-model';
import { exactTime, timeAgo } from '@/utils/models/relative-time';
import { SyncOffNotice } from '../shared/SyncOffNotice';

/** Props of SyncSummary. */
export interface SyncSummaryProps {
  account: AccountModel;
  now?: Date;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

function waiting(pending: number): string {
  return pending > 0
    ? `${plural(pending, 'change waits', 'changes wait')} to be sent.`
    : 'nothing waits to be sent.';
}

/** The one sentence for a sync problem, short enough for a footer. */
function problemSentence(status: AccountStatus): string | null {
  const { problem, pendingCount } = status.sync;
  switch (problem?.code) {
    case undefined:
      return null;
    case 'offline':
      return `Offline: ${waiting(pendingCount)}`;
    case 'session-expired':
      return 'Session expired: sign in again in the options.';
    case 'signed-out':
      return 'Not signed in: drafts stay in this browser.';
    case 'rejected': {
      const refused = plural(status.rejectedChanges, 'change', 'changes');
      return `The server refused ${refused}: see My drafts.`;
    }
    default:
      return 'Sync failed; it tries again in a minute.';
  }
}

/** The last successful sync, relative, and what still waits. */
function LastSync({ status, now }: { status: AccountStatus; now: Date }) {
  const { lastSuccessAt, pendingCount } = status.sync;
  const pending = pendingCount > 0 ? ` · ${waiting(pendingCount)}` : '.';
  if (!lastSuccessAt) return <>Not synced yet{pending}</>;

  return (
    <>
      Synced{' '}
      <time
        dateTime={lastSuccessAt}
        title={exactTime.format(new Date(lastSuccessAt))}
      >
        {timeAgo(lastSuccessAt, now)}
      </time>
      {pending}
    </>
  );
}

function needsSignIn(status: AccountStatus): boolean {
  const code = status.sync.problem?.code;
  return !status.user || code === 'session-expired' || code === 'signed-out';
}

/**
 * The popup's footer line about sync: "sync is off" in local-only mode,
 * else the short state of sync, a problem first, with the way to the
 * options page when signing in is the fix. The side panel and the options
 * page show the whole status.
 */
export function SyncSummary({ account, now = new Date() }: SyncSummaryProps) {
  const status = account.status.value;
  if (account.statusProblem.value) {
    return <p class="sync-off">{account.statusProblem.value}</p>;
  }
  if (!status) return null;
  if (!status.workspace) return <SyncOffNotice />;

  const problem = status.user
    ? problemSentence(status)
    : 'Not signed in: drafts stay in this browser.';
  return (
    <p class="sync-off" role="status">
      {problem ??
        (account.syncing.value ? (
          'Syncing…'
        ) : (
          <LastSync status={status} now={now} />
        ))}
      {needsSignIn(status) && (
        <>
          {' '}
          <button
            type="button"
            class="link"
            onClick={() => void account.openOptions()}
          >
            Sign in
          </button>
        </>
      )}
    </p>
  );
}
