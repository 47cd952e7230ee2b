import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer';

const AXE_SOURCE = resolve(
  import.meta.dirname,
  '../../../node_modules/axe-core/axe.min.js',
);

interface AxeGlobals {
  axe: {
    run(context: Document): Promise<{
      violations: {
        id: string;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    }>;
  };
}

/**
 * Runs axe-core over the whole of a page as Chromium laid it out, colour
 * contrast included, and lists each violation with where it is. axe is
 * evaluated through the DevTools protocol, which the extension's content
 * security policy does not govern.
 */
export async function axeViolationsOf(page: Page): Promise<string[]> {
  const source = await readFile(AXE_SOURCE, 'utf8');
  await page.evaluate(source);

  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as AxeGlobals;
    const results = await axe.run(document);
    return results.violations.map(
      ({ id, help, nodes }) =>
        `${id}: ${help} (${nodes
          .map(({ target }) => target.join(' '))
          .join(', ')})`,
    );
  });
}
