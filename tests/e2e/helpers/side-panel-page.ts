import type { ElementHandle, Page } from 'puppeteer';

/**
 * Waits for the side panel to list a draft with this title, newest first,
 * and opens it the way a user does, with a click on its card.
 */
export async function openDraftTitled(
  panel: Page,
  title: string,
): Promise<void> {
  // A page in a background tab may never finish waiting: bring it forward.
  await panel.bringToFront();
  const card = await panel.waitForFunction(
    (wanted) =>
      Array.from(document.querySelectorAll('.draft-card')).find(
        (candidate) =>
          candidate
            .querySelector('.draft-card__title')
            ?.textContent?.replace(/\s+/g, ' ')
            .trim() === wanted,
      ),
    { timeout: 10_000, polling: 100 },
    title,
  );
  await (card.asElement() as ElementHandle<Element> | null)?.click();
  await panel.waitForSelector('article.draft-detail', { timeout: 10_000 });
}
