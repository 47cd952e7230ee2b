import type { SourceCheck } from '@/utils/remote/peer-wire';
import { RemoteError } from '@/utils/remote/remote-error';
import type { WorkspaceConnection } from './workspace-clients';

/**
 * Sends the quote checks' outcomes to the workspace when one is connected
 * and reachable. Offline, signed out or local-only they are simply not
 * sent: the next reader on the page checks again.
 */
export function sourceCheckReporter(
  connection: () => Promise<WorkspaceConnection | null>,
) {
  return async (checks: SourceCheck[]): Promise<void> => {
    const remote = (await connection())?.remote;
    if (!remote) return;

    try {
      await remote.reportSourceChecks(checks);
    } catch (error) {
      const quiet =
        error instanceof RemoteError &&
        (error.code === 'offline' || error.code === 'unauthorized');
      if (!quiet) throw error;
    }
  };
}
