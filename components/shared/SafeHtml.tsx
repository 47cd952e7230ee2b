import { useMemo } from 'preact/hooks';
import { sanitizeSnippet } from '@/utils/capture/sanitize-snippet';

/** Props of SafeHtml. */
export interface SafeHtmlProps {
  /** HTML from storage or a peer: untrusted, whatever it claims. */
  html: string;
  /** The page the HTML came from, for its relative links. */
  baseUrl?: string;
  class?: string;
}

/**
 * The one way clipped HTML reaches the screen. Snippets were sanitised when
 * captured; they are sanitised again here because what is stored may come
 * from an older version, another device or a peer.
 */
export function SafeHtml({ html, baseUrl, class: className }: SafeHtmlProps) {
  const clean = useMemo(
    () => sanitizeSnippet(html, { baseUrl }),
    [html, baseUrl],
  );

  return (
    <div
      class={className}
      // Safe: `clean` has just been through the sanitiser above.
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
