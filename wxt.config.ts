import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * The test build (`--mode e2e`) may reach the local fixture server and the
 * local stack on 127.0.0.1 without a user gesture, because automation cannot
 * grant `activeTab`. The shipped build asks for no host permission at all.
 */
const testHostPermissions = ['http://127.0.0.1/*'];

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
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    ...(mode === 'e2e' ? { host_permissions: testHostPermissions } : {}),
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
