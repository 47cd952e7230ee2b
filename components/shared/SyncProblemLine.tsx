import type { SyncProblem } from '@/utils/sync/sync-state';

/** Props of SyncProblemLine. */
export interface SyncProblemLineProps {
  problem: SyncProblem | null;
  rejectedCount: number;
  reasons: string[];
  onSignIn?: () => void;
}

const REASONS_SHOWN = 2;

function refusedText(count: number, reasons: string[]): string {
  const changes = count === 1 ? 'change' : 'changes';
  const shown = [...new Set(reasons)].slice(0, REASONS_SHOWN);
  const why = shown.length > 0 ? `: ${shown.join('; ')}` : '.';
  return `The server refused ${count.toLocaleString('en')} ${changes}${why}`;
}

/** The sentence for each problem but refusals, which have their own. */
function problemText(problem: SyncProblem): string {
  switch (problem.code) {
    case 'offline':
      return (
        'Offline: changes wait in this browser and are sent once the ' +
        'workspace can be reached.'
      );
    case 'session-expired':
      return 'Your session expired. Sign in again to keep syncing.';
    case 'signed-out':
      return 'Not signed in: drafts stay in this browser until you sign in.';
    default:
      return `Sync failed: ${problem.message} It tries again in a minute.`;
  }
}

function needsSignIn(problem: SyncProblem | null): boolean {
  return problem?.code === 'session-expired' || problem?.code === 'signed-out';
}

/** The last sync problem in plain words, and the step that fixes it. */
export function SyncProblemLine({
  problem,
  rejectedCount,
  reasons,
  onSignIn,
}: SyncProblemLineProps) {
  const other = problem && problem.code !== 'rejected' ? problem : null;
  // A refusal the author has dismissed no longer needs saying.
  const refused = rejectedCount > 0;
  if (!other && !refused) return null;

  return (
    <div class="notice notice--problem" role="status">
      {other && <p>{problemText(other)}</p>}
      {refused && <p>{refusedText(rejectedCount, reasons)}</p>}
      {needsSignIn(problem) && onSignIn && (
        <button type="button" onClick={onSignIn}>
          {problem?.code === 'session-expired' ? 'Sign in again' : 'Sign in'}
        </button>
      )}
    </div>
  );
}
