import type { WorkspaceSettings } from '@/utils/messages/account-protocol';
import type { StringStorageArea } from '@/utils/remote/auth-storage';
import type { WorkspaceConfig } from '@/utils/remote/supabase-client';
import { AccountFailure } from './account-failure';
import { readWorkspaceInput } from './workspace-input';

/** Where `storage.local` keeps the workspace a person connected. */
export const USER_WORKSPACE_KEY = 'peerclip.workspace';

/** The names an administrator's policy uses (public/managed-schema.json). */
interface ManagedWorkspace {
  workspaceUrl?: unknown;
  workspaceAnonKey?: unknown;
}

/**
 * What `storage.local` keeps: the workspace a person connected, or their
 * choice of local-only mode, which also sets the build default aside.
 */
type StoredChoice = Partial<WorkspaceConfig> & { localOnly?: boolean };

/** Where the workspace settings are read from. */
export interface WorkspaceSources {
  local: StringStorageArea;
  readManaged(): Promise<Record<string, unknown>>;
  /** The build's default, from WXT env variables; empty when none. */
  buildDefault: Partial<WorkspaceConfig>;
}

/**
 * The workspace this browser syncs with: an administrator's policy wins
 * and cannot be changed here; else the one a person connected; else the
 * build's default; else none (local-only mode).
 */
export class WorkspaceSettingsStore {
  constructor(private readonly sources: WorkspaceSources) {}

  /** The settings in force, or null in local-only mode. */
  async current(): Promise<WorkspaceSettings | null> {
    const managed = await this.managed();
    if (managed) return managed;

    const stored = await this.storedUser();
    if (stored?.localOnly) return null;
    return (
      settingsFrom(stored?.url, stored?.anonKey, 'user') ??
      this.fromBuild() ??
      null
    );
  }

  /** Keeps the workspace a person connected; refused under a policy. */
  async saveUser(config: WorkspaceConfig): Promise<void> {
    await this.refuseUnderPolicy();
    await this.sources.local.set({ [USER_WORKSPACE_KEY]: config });
  }

  /**
   * Back to local-only mode, even over the build default; refused under
   * a policy.
   */
  async clearUser(): Promise<void> {
    await this.refuseUnderPolicy();
    await this.sources.local.set({ [USER_WORKSPACE_KEY]: { localOnly: true } });
  }

  private async refuseUnderPolicy(): Promise<void> {
    if (!(await this.managed())) return;
    throw new AccountFailure(
      'managed',
      'Your administrator set the workspace; it cannot be changed here.',
    );
  }

  private async managed(): Promise<WorkspaceSettings | undefined> {
    const policy = (await this.sources.readManaged()) as ManagedWorkspace;
    if (policy.workspaceUrl === undefined) return undefined;
    return settingsFrom(
      policy.workspaceUrl,
      policy.workspaceAnonKey,
      'managed',
    );
  }

  private async storedUser(): Promise<StoredChoice | undefined> {
    const stored = await this.sources.local.get(USER_WORKSPACE_KEY);
    return stored[USER_WORKSPACE_KEY] as StoredChoice | undefined;
  }

  private fromBuild(): WorkspaceSettings | undefined {
    const { url, anonKey } = this.sources.buildDefault;
    if (!url) return undefined;
    return settingsFrom(url, anonKey, 'build');
  }
}

/** Checked settings, or undefined (with a warning) when they are unusable. */
function settingsFrom(
  url: unknown,
  anonKey: unknown,
  source: WorkspaceSettings['source'],
): WorkspaceSettings | undefined {
  if (typeof url !== 'string' || typeof anonKey !== 'string') return undefined;
  try {
    return { ...readWorkspaceInput(url, anonKey), source };
  } catch (error) {
    console.warn(`[peerclip] Ignored the ${source} workspace settings.`, error);
    return undefined;
  }
}
