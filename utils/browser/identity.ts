import { browser } from 'wxt/browser';

/** The part of `browser.identity` an OAuth sign-in needs. */
export interface IdentityFlow {
  /** The `https://<id>.chromiumapp.org/` address the provider returns to. */
  redirectUrl(): string;
  /**
   * Opens the provider's sign-in window and resolves with the URL it
   * returned to; rejects when the person closes the window.
   */
  launch(url: string): Promise<string>;
}

/** The OAuth window over `browser.identity.launchWebAuthFlow`. */
export function browserIdentityFlow(): IdentityFlow {
  return {
    redirectUrl: () => browser.identity.getRedirectURL(),
    async launch(url) {
      const returned = await browser.identity.launchWebAuthFlow({
        url,
        interactive: true,
      });
      if (!returned) throw new Error('The sign-in window returned nothing.');
      return returned;
    },
  };
}
