import type { RemoteApi } from '@/utils/remote/remote-api';
import type { WorkspaceConfig } from '@/utils/remote/supabase-client';
import type { OAuthApi } from './oauth-api';
import type { WorkspaceSettingsStore } from './workspace-settings';

/** What the background reaches a workspace through. */
export interface WorkspaceConnection {
  remote: RemoteApi;
  oauth: OAuthApi;
  /** Stops what the connection does on its own (refreshing the session). */
  close?(): void;
}

/** Builds the connection to a workspace: supabase-js, or a fake in tests. */
export type ConnectionFactory = (
  config: WorkspaceConfig,
) => WorkspaceConnection;

/**
 * The background's one connection to the workspace in force, built when
 * first needed and again only when the settings change, so there is a
 * single supabase-js client refreshing the session.
 */
export class WorkspaceClients {
  private cached?: { key: string; connection: WorkspaceConnection };

  constructor(
    private readonly settings: WorkspaceSettingsStore,
    private readonly factory: ConnectionFactory,
  ) {}

  /** The connection, or null in local-only mode. */
  async connection(): Promise<WorkspaceConnection | null> {
    const settings = await this.settings.current();
    if (!settings) return null;

    const key = `${settings.url} ${settings.anonKey}`;
    if (this.cached?.key !== key) {
      // Two live clients would refresh one stored session against each other.
      this.cached?.connection.close?.();
      const { url, anonKey } = settings;
      this.cached = { key, connection: this.factory({ url, anonKey }) };
    }
    return this.cached.connection;
  }
}
