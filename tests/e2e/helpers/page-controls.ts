import type { ElementHandle, Page } from 'puppeteer';

/** How long a control may take to show after the step that brings it. */
const SHOWS_WITHIN = 15_000;

/**
 * Waits for `find` to return an element or value in the page; on timeout
 * the error quotes what the page showed, which says more than the wait.
 */
async function waitInPage<Args extends unknown[]>(
  page: Page,
  what: string,
  find: (...args: Args) => unknown,
  timeout: number,
  ...args: Args
) {
  try {
    return await page.waitForFunction(
      find as (...args: unknown[]) => unknown,
      { timeout, polling: 100 },
      ...args,
    );
  } catch (error) {
    const shown = await page
      .evaluate(() => document.body.innerText.replace(/\s+/g, ' '))
      .catch(() => '(the page is gone)');
    throw new Error(`Waited in vain for ${what}. The page showed: ${shown}`, {
      cause: error,
    });
  }
}

/**
 * Waits for an enabled button named `name`, by its accessible label or
 * its text, optionally inside `scope` (a CSS selector), and clicks it.
 */
export async function clickButton(
  page: Page,
  name: string,
  scope = 'body',
): Promise<void> {
  const button = await waitInPage(
    page,
    `a button named “${name}” in ${scope}`,
    (wanted: string, within: string) =>
      Array.from(
        document.querySelectorAll<HTMLButtonElement>(`${within} button`),
      ).find(
        (candidate) =>
          !candidate.disabled &&
          (candidate.getAttribute('aria-label') === wanted ||
            candidate.textContent?.replace(/\s+/g, ' ').trim() === wanted),
      ),
    SHOWS_WITHIN,
    name,
    scope,
  );
  await (button.asElement() as ElementHandle<Element>).click();
}

/**
 * Shows one view of the side panel from its navigation; a view's button
 * may carry a count after its name ("Review 1 waiting").
 */
export async function showPanelView(panel: Page, name: string): Promise<void> {
  const button = await waitInPage(
    panel,
    `the view “${name}” in the navigation`,
    (wanted: string) =>
      Array.from(document.querySelectorAll('.panel-nav__item')).find(
        (candidate) => candidate.textContent?.trim().startsWith(wanted),
      ),
    SHOWS_WITHIN,
    name,
  );
  await (button.asElement() as ElementHandle<Element>).click();
}

/**
 * Waits until an element matching `selector` contains `text`, or one of
 * several texts, as a reader would see it (runs of white space collapsed),
 * and resolves with that element's text.
 */
export async function waitForText(
  page: Page,
  selector: string,
  text: string | string[],
  timeout = SHOWS_WITHIN,
): Promise<string> {
  const texts = typeof text === 'string' ? [text] : text;
  const found = await waitInPage(
    page,
    `“${texts.join('” or “')}” in ${selector}`,
    (css: string, wanted: string[]) =>
      Array.from(document.querySelectorAll(css))
        .map((element) => element.textContent?.replace(/\s+/g, ' ') ?? '')
        .find((seen) => wanted.some((part) => seen.includes(part))),
    timeout,
    selector,
    texts,
  );
  return (await found.jsonValue()) as string;
}

/** The text of every element matching `selector`, white space collapsed. */
export function textsOf(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) =>
      (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
    ),
  );
}

/**
 * Types into the text field whose label reads `label`, replacing what it
 * held, as a reader who selects all first.
 */
export async function typeInField(
  page: Page,
  label: string,
  text: string,
): Promise<void> {
  const id = await waitInPage(
    page,
    `a field labelled “${label}”`,
    (wanted: string) =>
      Array.from(document.querySelectorAll('label')).find(
        (candidate) => candidate.textContent?.trim() === wanted,
      )?.htmlFor,
    SHOWS_WITHIN,
    label,
  );
  const field = await page.$(`[id="${await id.jsonValue()}"]`);
  await field?.click();
  await field?.evaluate((element) => (element as HTMLInputElement).select());
  await field?.type(text);
}

/**
 * Chooses, in the select labelled `label`, the option whose text starts
 * with `option`, as a reader picks it from the list.
 */
export async function chooseOption(
  page: Page,
  label: string,
  option: string,
): Promise<void> {
  const choice = await waitInPage(
    page,
    `the option “${option}” of “${label}”`,
    (wanted: string, start: string) => {
      const select = Array.from(document.querySelectorAll('label')).find(
        (candidate) => candidate.textContent?.trim() === wanted,
      )?.control as HTMLSelectElement | null | undefined;
      const chosen = Array.from(select?.options ?? []).find((candidate) =>
        candidate.text.startsWith(start),
      );
      return select && chosen && { id: select.id, value: chosen.value };
    },
    SHOWS_WITHIN,
    label,
    option,
  );
  const { id, value } = (await choice.jsonValue()) as {
    id: string;
    value: string;
  };

  await page.select(`[id="${id}"]`, value);
}

/**
 * Clicks the first element matching `selector` whose text holds `text`,
 * as a reader clicks a card by its title.
 */
export async function clickWhereText(
  page: Page,
  selector: string,
  text: string,
): Promise<void> {
  const element = await waitInPage(
    page,
    `${selector} holding “${text}”`,
    (css: string, wanted: string) =>
      Array.from(document.querySelectorAll(css)).find((candidate) =>
        candidate.textContent?.replace(/\s+/g, ' ').includes(wanted),
      ),
    SHOWS_WITHIN,
    selector,
    text,
  );
  await (element.asElement() as ElementHandle<Element>).click();
}
