import type { Page } from 'puppeteer';

/** What a person types on the options page to connect and sign in. */
export interface OptionsSignIn {
  url: string;
  anonKey: string;
  email: string;
  password: string;
}

/**
 * Connects a workspace and signs in through the options page's forms, as
 * a person would, and resolves with the account line it then shows.
 */
export async function signInOnOptionsPage(
  page: Page,
  { url, anonKey, email, password }: OptionsSignIn,
): Promise<string> {
  await page.waitForSelector('#workspace-url');
  await page.type('#workspace-url', url);
  await page.type('#workspace-key', anonKey);
  await clickButton(page, 'Connect');

  await page.waitForSelector('#sign-in-email');
  await page.type('#sign-in-email', email);
  await page.type('#sign-in-password', password);
  await clickButton(page, 'Sign in');

  const signedIn = await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('p')).find((line) =>
        line.textContent?.startsWith('Signed in as'),
      )?.textContent,
  );
  return (await signedIn.jsonValue()) as string;
}

async function clickButton(page: Page, text: string): Promise<void> {
  const button = await page.waitForSelector(
    `::-p-xpath(//button[normalize-space()="${text}"])`,
  );
  await button?.click();
}
