import { useEffect } from 'preact/hooks';
import type { AccountModel } from '@/utils/models/account-model';
import type { GuideModel } from '@/utils/models/guide-model';
import type { RejectionsModel } from '@/utils/models/rejections-model';
import { SyncOffNotice } from '../shared/SyncOffNotice';
import { SyncStatus } from '../shared/SyncStatus';
import { AccountSection } from './AccountSection';
import { PublishingGuideSection } from './PublishingGuideSection';
import { UploadOffer } from './UploadOffer';
import { WorkspaceSection } from './WorkspaceSection';

/** Props of OptionsApp. */
export interface OptionsAppProps {
  account: AccountModel;
  rejections?: RejectionsModel;
  /** The workplace identity provider, when this build has one set up. */
  oauthProvider?: string;
  /** The publishing guide, read once signed in; absent in old tests. */
  guide?: GuideModel;
  now?: Date;
}

/** The organisation's publishing guide, loaded once someone signs in. */
function GuideSection({
  guide,
  userId,
}: {
  guide: GuideModel;
  userId: string;
}) {
  useEffect(() => void guide.load(), [guide, userId]);

  return <PublishingGuideSection model={guide} />;
}

/** The sync section: the status once a workspace is connected. */
function SyncSection({ account, rejections, now }: OptionsAppProps) {
  const status = account.status.value;
  const problem = account.problem.value;

  return (
    <section aria-labelledby="sync-title">
      <h2 id="sync-title">Sync</h2>
      {status?.workspace ? (
        <SyncStatus
          status={status}
          syncing={account.syncing.value}
          requestProblem={problem?.section === 'sync' ? problem.message : null}
          rejected={rejections?.rejected.value}
          onSyncNow={() => void account.syncNow()}
          now={now}
        />
      ) : (
        <SyncOffNotice />
      )}
    </section>
  );
}

/** The options page: the workspace, the account, sync and the guide. */
export function OptionsApp(props: OptionsAppProps) {
  const { account, oauthProvider } = props;
  const status = account.status.value;
  const statusProblem = account.statusProblem.value;

  return (
    <main class="options">
      <h1>Peerclip settings</h1>
      {statusProblem && (
        <div class="notice notice--problem" role="alert">
          <p>{statusProblem}</p>
          <button type="button" onClick={() => void account.refresh()}>
            Try again
          </button>
        </div>
      )}
      {status === null && !statusProblem && (
        <p class="hint" role="status">
          Loading…
        </p>
      )}
      {status && (
        <>
          <WorkspaceSection model={account} />
          {status.workspace && (
            <AccountSection model={account} oauthProvider={oauthProvider} />
          )}
          <UploadOffer model={account} />
          <SyncSection {...props} />
          {props.guide && status.user && (
            <GuideSection guide={props.guide} userId={status.user.id} />
          )}
        </>
      )}
    </main>
  );
}
