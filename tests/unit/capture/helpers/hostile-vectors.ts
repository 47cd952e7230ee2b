import { readFileSync } from 'node:fs';
import { listFixturePages } from '../../../helpers/fixture-pages';

/** Where harmless text cannot be: it is code, styles or a form field. */
const NOT_TEXT = [
  'script',
  'style',
  'textarea',
  'svg',
  'math',
  'noscript',
  'template',
  'iframe',
  'title',
  'select',
  'option',
  'object',
  'embed',
  'xmp',
].join(',');

/** One attack vector of a hostile page, with its neighbours. */
export interface HostileVector {
  page: string;
  name: string;
  /** The vector's element and its neighbour elements, as HTML. */
  html: string;
  /** Text around and inside the vector a sanitiser must keep. */
  harmless: string[];
}

/** Collapses whitespace, so texts compare as a reader sees them. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Direct text of every element under `root` that is ordinary text. */
function harmlessTextOf(root: Element): string[] {
  const elements = [root, ...Array.from(root.querySelectorAll('*'))];
  return elements
    .filter((element) => !element.closest(NOT_TEXT))
    .flatMap((element) =>
      Array.from(element.childNodes)
        .filter((node) => node.nodeType === 3)
        .map((node) => normalise(node.textContent ?? '')),
    )
    .filter((text) => /[\p{L}\p{N}]/u.test(text));
}

/** The hostile fixture pages: own and shared. */
export function hostilePages() {
  return listFixturePages().filter((page) => page.name.includes('hostile'));
}

/** Every `[data-vector]` element of a hostile page, ready to sanitise. */
export function hostileVectors(file: string, page: string): HostileVector[] {
  const document = new DOMParser().parseFromString(
    readFileSync(file, 'utf8'),
    'text/html',
  );
  return Array.from(document.querySelectorAll('[data-vector]')).map(
    (vector) => {
      const around = [
        vector.previousElementSibling,
        vector,
        vector.nextElementSibling,
      ].filter((element): element is Element => element !== null);
      return {
        page,
        name: vector.getAttribute('data-vector') ?? '',
        html: around.map((element) => element.outerHTML).join('\n'),
        harmless: around.flatMap(harmlessTextOf),
      };
    },
  );
}
