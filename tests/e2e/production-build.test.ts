import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAPTURE_SCRIPT_FILE } from '../../utils/capture/script-files';
import {
  buildProduction,
  gzipBytes,
  PRODUCTION_DIR,
  readManifest,
  scriptsOfPage,
} from './helpers/production-build';

const KB = 1024;

beforeAll(() => {
  buildProduction();
});

describe('production manifest', () => {
  it('asks for no host permission and has no static content script', () => {
    const manifest = readManifest();

    expect([manifest.host_permissions, manifest.content_scripts]).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('has the side panel, the command and the permissions clipping needs', () => {
    const manifest = readManifest();

    expect({
      sidePanel: Boolean(manifest.side_panel),
      command: Object.keys(manifest.commands as object),
      permissions: [...(manifest.permissions as string[])].sort(),
      optional: manifest.optional_permissions,
    }).toEqual({
      sidePanel: true,
      command: ['clip-selection'],
      permissions: [
        'activeTab',
        'alarms',
        'contextMenus',
        'identity',
        'scripting',
        'sidePanel',
        'storage',
        'unlimitedStorage',
      ],
      optional: ['tabs'],
    });
  });
});

describe('bundle budgets', () => {
  it('keeps the popup’s JavaScript within 60 KB gzip', () => {
    const bytes = gzipBytes(scriptsOfPage('popup.html'));

    expect(bytes).toBeLessThanOrEqual(60 * KB);
  });

  it('keeps the capture script within 12 KB gzip', () => {
    const bytes = gzipBytes([join(PRODUCTION_DIR, CAPTURE_SCRIPT_FILE)]);

    expect(bytes).toBeLessThanOrEqual(12 * KB);
  });

  it.each(['popup.html', 'sidepanel.html'])(
    'keeps supabase-js out of %s',
    (page) => {
      const scripts = scriptsOfPage(page);

      const code = scripts.map((file) => readFileSync(file, 'utf8')).join('\n');

      expect([scripts.length > 0, /supabase/i.test(code)]).toEqual([
        true,
        false,
      ]);
    },
  );
});
