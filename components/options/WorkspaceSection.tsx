import type { WorkspaceSettings } from '@/utils/messages/account-protocol';
import type { AccountModel } from '@/utils/models/account-model';
import { ConnectForm } from './ConnectForm';
import { DraftsChoice } from './DraftsChoice';
import { SectionProblem } from './SectionProblem';

/** Props of WorkspaceSection. */
export interface WorkspaceSectionProps {
  model: AccountModel;
}

const SOURCE_TEXT = {
  user: 'You connected this workspace.',
  build: 'This copy of Peerclip came set up for this workspace.',
  managed:
    'Your administrator set this workspace for this browser, so it cannot ' +
    'be changed or disconnected here.',
};

/** The connected workspace, read-only, with Disconnect unless managed. */
function Connected({
  model,
  workspace,
}: WorkspaceSectionProps & { workspace: WorkspaceSettings }) {
  const asking = model.asking.value === 'disconnect';

  return (
    <>
      <p>
        Connected to <strong class="workspace-url">{workspace.url}</strong>.
      </p>
      <p class="hint">{SOURCE_TEXT[workspace.source]}</p>
      {workspace.source !== 'managed' && !asking && (
        <button
          type="button"
          disabled={model.busy.value === 'workspace'}
          onClick={() => model.ask('disconnect')}
        >
          Disconnect
        </button>
      )}
      {asking && (
        <DraftsChoice
          choice="disconnect"
          pendingCount={model.status.value?.sync.pendingCount ?? 0}
          onChoose={(keep) => void model.choose(keep)}
          onCancel={model.cancelChoice}
        />
      )}
    </>
  );
}

/** "Workspace": connect by URL and key, or the workspace in use. */
export function WorkspaceSection({ model }: WorkspaceSectionProps) {
  const workspace = model.status.value?.workspace ?? null;

  return (
    <section aria-labelledby="workspace-title">
      <h2 id="workspace-title">Workspace</h2>
      {workspace ? (
        <Connected model={model} workspace={workspace} />
      ) : (
        <ConnectForm model={model} />
      )}
      <SectionProblem model={model} section="workspace" />
    </section>
  );
}
