import type { Page } from 'puppeteer';

/** What the page itself says about a selection made on it. */
export interface SelectedPassage {
  quote: string;
  title: string;
}

/**
 * Selects the contents of the first element matching `selector` whose
 * text is long enough to be a passage, the way a user's drag would.
 */
export async function selectPassage(
  page: Page,
  selector = 'main p, article p, p, li, td',
): Promise<SelectedPassage> {
  // A tab brought forward later may lose its selection to the focus
  // change; select in the tab a user would be looking at.
  await page.bringToFront();
  // A field with autofocus takes the focus, and the selection with it,
  // when the tab is first shown, a frame or two later: let that happen.
  await page.evaluate(
    () =>
      new Promise((shown) =>
        requestAnimationFrame(() => requestAnimationFrame(shown)),
      ),
  );

  return page.evaluate((css) => {
    // A drag over the page moves the focus out of any field.
    (document.activeElement as HTMLElement | null)?.blur?.();
    // The hostile pages hide their body with a stylesheet; a hidden
    // selection has no text, and a reader of the page would see it anyway.
    document.body.style.setProperty('display', 'block', 'important');
    const element = Array.from(document.querySelectorAll(css)).find(
      (candidate) => (candidate.textContent ?? '').trim().length >= 40,
    );
    if (!element) throw new Error(`No passage matches ${css}`);

    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    return { quote: selection.toString(), title: document.title };
  }, selector);
}

/** Collapses runs of white space, as a reader sees the text. */
export function readable(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
