import type { Page } from 'puppeteer';
import { clickButtonNamed } from './peer-session';

/** Shows the Everyone tab of the feed and waits for the clip's card. */
export async function showFeedCard(
  page: Page,
  clipId: string,
): Promise<string> {
  await page.bringToFront();
  await clickButtonNamed(page, 'Feed');
  await page.waitForSelector('::-p-xpath(//*[@role="tab"][.="Everyone"])');
  await page.click('::-p-xpath(//*[@role="tab"][.="Everyone"])');
  const selector = `article.feed-card[data-clip-id="${clipId}"]`;
  await page.waitForSelector(selector, { timeout: 15_000 });
  return selector;
}

/** Opens the clip from its card and waits for it and its thread. */
export async function openDetail(page: Page, card: string, comments: number) {
  await page.click(`${card} .feed-card__title button`);
  await page.waitForSelector('article.clip-detail #clip-detail-title', {
    timeout: 15_000,
  });
  await page.waitForFunction(
    (wanted) =>
      document.querySelectorAll('.clip-detail .comment__text').length >= wanted,
    { timeout: 15_000 },
    comments,
  );
}
