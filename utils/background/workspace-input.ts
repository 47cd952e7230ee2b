import type { WorkspaceConfig } from '@/utils/remote/supabase-client';
import { AccountFailure } from './account-failure';

/** Hosts on this machine, the only ones reached over plain http. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks a workspace URL and anon key typed by a person or pushed by
 * policy, and returns them in the form the client needs: the URL reduced
 * to its origin. Throws AccountFailure `bad-settings` saying what is wrong.
 */
export function readWorkspaceInput(
  url: string,
  anonKey: string,
): WorkspaceConfig {
  return { url: workspaceOrigin(url), anonKey: checkAnonKey(anonKey) };
}

/**
 * The project URL as an origin. A path, query, fragment or user name
 * would send the key somewhere else than the project, so none is allowed.
 */
export function workspaceOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw badSettings('The workspace URL is not a web address.');
  }

  const secure = url.protocol === 'https:';
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (!secure && !local) {
    throw badSettings('The workspace URL must start with https://.');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw badSettings('Use the project URL alone, like https://x.supabase.co.');
  }
  if (url.pathname !== '/') {
    throw badSettings('Use the project URL without a path.');
  }
  return url.origin;
}

/** The host permission pattern of a workspace, for the options page. */
export function workspaceOriginPattern(url: string): string {
  return `${workspaceOrigin(url)}/*`;
}

/**
 * An anon key is a JWT whose payload says `role: anon`. The service key
 * has the same shape and bypasses row level security: it must never sit
 * in a browser, so it is refused by name.
 */
function checkAnonKey(text: string): string {
  const key = text.trim();
  const role = jwtRole(key);
  if (role === 'service_role') {
    throw badSettings(
      'This is the service key. Use the anon (public) key instead.',
    );
  }
  if (role !== 'anon') {
    throw badSettings('The anon key is not right: copy it again.');
  }
  return key;
}

function jwtRole(key: string): unknown {
  const parts = key.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const base64 = (parts[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    return (JSON.parse(atob(base64)) as { role?: unknown }).role;
  } catch {
    return undefined;
  }
}

function badSettings(message: string): AccountFailure {
  return new AccountFailure('bad-settings', message);
}
