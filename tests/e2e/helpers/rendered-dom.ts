import type { Page } from 'puppeteer';

/** An element as it is in the live DOM: tag, attributes and children. */
export interface ElementShape {
  tag: string;
  namespace: string | null;
  attributes: [string, string][];
  children: (ElementShape | string)[];
}

/**
 * Describes the live DOM under `selector` in an extension page, element
 * by element, so the check sees what Chromium rendered rather than a
 * re-parse of serialised HTML.
 */
export function describeRendered(
  page: Page,
  selector: string,
): Promise<ElementShape> {
  return page.$eval(selector, (root) => {
    const describe = (element: Element): ElementShape => ({
      tag: element.localName,
      namespace: element.namespaceURI,
      attributes: Array.from(element.attributes).map(
        (attribute) => [attribute.name, attribute.value] as [string, string],
      ),
      children: Array.from(element.childNodes).flatMap(
        (child): (ElementShape | string)[] => {
          if (child.nodeType === Node.ELEMENT_NODE) {
            return [describe(child as Element)];
          }
          return child.nodeType === Node.TEXT_NODE
            ? [child.textContent ?? '']
            : [];
        },
      ),
    });
    return describe(root);
  });
}

/**
 * Builds the described tree again in the test's jsdom environment
 * (`// @vitest-environment jsdom`), without parsing any HTML.
 */
export function rebuild(shape: ElementShape): Element {
  const build = (node: ElementShape): Element => {
    const element = node.namespace
      ? document.createElementNS(node.namespace, node.tag)
      : document.createElement(node.tag);
    for (const [name, value] of node.attributes) {
      element.setAttribute(name, value);
    }
    for (const child of node.children) {
      element.append(
        typeof child === 'string'
          ? document.createTextNode(child)
          : build(child),
      );
    }
    return element;
  };
  return build(shape);
}

/** Parses a stored snippet into an inert fragment, as a template does. */
export function parseSnippet(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}
