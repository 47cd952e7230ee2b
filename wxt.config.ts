import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * The test build (`--mode e2e`) may reach the local fixture server and the
 * local stack on 127.0.0.1 without a user gesture, because automation cannot
 * grant `activeTab`. The shipped build asks for no host permission at all.
 */
const testHostPermissions = ['http://127.0.0.1/*'];

/**
 * Supabase answers CORS for any origin, so the worker reaches a workspace
 * without a host permission. The options page may still ask for the
 * workspace's origin (`permissions.request`) when a proxy in front of it
 * drops CORS; declaring these optional adds no install warning.
 */
const workspaceHostPermissions = ['https://*/*', 'http://127.0.0.1/*'];

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser, mode }) => ({
    name: 'Peerclip',
    description:
      'Clip, annotate and share what you learn in your intranet tools.',
    permissions: [
      'storage',
      'unlimitedStorage',
      'scripting',
      'activeTab',
      'contextMenus',
      'alarms',
      'identity',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // "This site" in the side panel needs the active tab's address; asked
    // for when the reader opens that tab, so installing warns of nothing.
    optional_permissions: ['tabs'],
    optional_host_permissions: workspaceHostPermissions,
    ...(mode === 'e2e' ? { host_permissions: testHostPermissions } : {}),
    // An administrator's workspace policy; Firefox reads policies without it.
    ...(browser === 'firefox'
      ? {}
      : { storage: { managed_schema: 'managed-schema.json' } }),
    commands: {
      'clip-selection': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: 'Clip the selection',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'peerclip@peerclip.example' },
          },
        }
      : {}),
  }),
});
