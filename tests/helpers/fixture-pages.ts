import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The project's own test pages, always present. */
export const OWN_FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');

/**
 * The shared intranet pages beside the repository. CI has them; a clone of
 * the repository alone does not, and the tests then run on the own pages.
 */
export const SHARED_FIXTURES_DIR = resolve(
  import.meta.dirname,
  '../../../shared/fixtures/intranet',
);

/** A fixture page: where it is on disk and the URL path it is served at. */
export interface FixturePage {
  name: string;
  file: string;
  urlPath: string;
}

function pagesIn(dir: string, urlPrefix: string): FixturePage[] {
  if (!existsSync(dir)) return [];

  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => ({
      name,
      file: join(dir, name),
      urlPath: `${urlPrefix}/${name}`,
    }));
}

/** Every fixture page: the own ones, then the shared ones when present. */
export function listFixturePages(): FixturePage[] {
  return [
    ...pagesIn(OWN_FIXTURES_DIR, '/own'),
    ...pagesIn(SHARED_FIXTURES_DIR, '/shared'),
  ];
}
