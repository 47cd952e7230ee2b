import type { Page } from 'puppeteer';
import { describeRendered, rebuild } from './rendered-dom';

/** The live DOM under `selector`, rebuilt here for the checks. */
export async function rendered(page: Page, selector: string): Promise<Element> {
  return rebuild(await describeRendered(page, selector));
}

/**
 * Every element matching `selector`, each rebuilt here. Each is numbered
 * for the time of its reading; the number sits on the region's own
 * container, which the checks leave out.
 */
export async function renderedAll(
  page: Page,
  selector: string,
): Promise<Element[]> {
  const count = await page.$$eval(selector, (found) => {
    found.forEach((element, index) =>
      element.setAttribute('data-check', String(index)),
    );
    return found.length;
  });
  const regions: Element[] = [];
  for (let index = 0; index < count; index += 1) {
    regions.push(await rendered(page, `[data-check="${index}"]`));
  }
  await page.$$eval('[data-check]', (found) =>
    found.forEach((element) => element.removeAttribute('data-check')),
  );
  return regions;
}

/**
 * Puts markup into a scratch element of the same extension page with
 * innerHTML, as a renderer without its sanitiser would, and describes it.
 */
export async function renderedRaw(page: Page, html: string): Promise<Element> {
  await page.evaluate((markup) => {
    document.getElementById('raw-scratch')?.remove();
    const scratch = document.createElement('div');
    scratch.id = 'raw-scratch';
    scratch.innerHTML = markup;
    document.body.append(scratch);
  }, html);
  const shape = await rendered(page, '#raw-scratch');
  await page.evaluate(() => document.getElementById('raw-scratch')?.remove());
  return shape;
}
