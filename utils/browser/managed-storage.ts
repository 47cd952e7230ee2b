import { browser } from 'wxt/browser';

/**
 * The settings an administrator pushed by policy (`storage.managed`, shaped
 * by public/managed-schema.json). Browsers without a policy, or without
 * managed storage at all, answer nothing rather than fail.
 */
export async function readManagedSettings(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed?.get()) ?? {};
  } catch {
    // Firefox rejects when no policy file is installed; that means "none".
    return {};
  }
}
