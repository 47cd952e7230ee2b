import type { AccountModel } from '@/utils/models/account-model';
import type { RejectionsModel } from '@/utils/models/rejections-model';
import { SyncOffNotice } from '../shared/SyncOffNotice';
import { SyncStatus } from '../shared/SyncStatus';

/** Props of SyncBanner. */
export interface SyncBannerProps {
  account: AccountModel;
  rejections: RejectionsModel;
  now?: Date;
}

/**
 * The top of the side panel: the sync status once a workspace is
 * connected, and the plain "sync is off" in local-only mode.
 */
export function SyncBanner({ account, rejections, now }: SyncBannerProps) {
  const status = account.status.value;
  const problem = account.problem.value;

  if (account.statusProblem.value) {
    return <p class="sync-off">{account.statusProblem.value}</p>;
  }
  if (!status) return null;
  if (!status.workspace) return <SyncOffNotice />;

  return (
    <SyncStatus
      status={status}
      syncing={account.syncing.value}
      requestProblem={problem?.section === 'sync' ? problem.message : null}
      rejected={rejections.rejected.value}
      onSyncNow={() => void account.syncNow()}
      onSignIn={() => void account.openOptions()}
      now={now}
    />
  );
}
