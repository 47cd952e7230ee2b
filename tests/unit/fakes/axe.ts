import axe from 'axe-core';

/**
 * Accessibility problems axe-core finds in a rendered component. Colour
 * contrast needs layout, which jsdom has not; landmarks belong to the
 * page, not to one component.
 */
export async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, {
    rules: {
      'color-contrast': { enabled: false },
      region: { enabled: false },
    },
  });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help}`,
  );
}
