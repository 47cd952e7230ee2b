import { useMemo } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { NoteBlock, NoteInline } from '@/utils/markdown/note-tree';
import { parseNote } from '@/utils/markdown/parse-note';

/** Props of NoteMarkdown. */
export interface NoteMarkdownProps {
  /** A note or comment as its author wrote it: untrusted text. */
  text: string;
  class?: string;
}

function renderInline(node: NoteInline, key: number): ComponentChildren {
  switch (node.kind) {
    case 'text':
      return node.text;
    case 'break':
      return <br key={key} />;
    case 'code':
      return <code key={key}>{node.text}</code>;
    case 'strong':
      return <strong key={key}>{node.children.map(renderInline)}</strong>;
    case 'emphasis':
      return <em key={key}>{node.children.map(renderInline)}</em>;
    case 'link':
      // A new tab: following it in place would replace the panel itself.
      return (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
          {node.children.map(renderInline)}
        </a>
      );
  }
}

function renderBlock(block: NoteBlock, key: number): ComponentChildren {
  switch (block.kind) {
    case 'paragraph':
      return <p key={key}>{block.children.map(renderInline)}</p>;
    case 'quote':
      return (
        <blockquote key={key}>{block.children.map(renderBlock)}</blockquote>
      );
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index}>{item.map(renderInline)}</li>
      ));
      if (!block.ordered) return <ul key={key}>{items}</ul>;
      const start = block.start === 1 ? undefined : block.start;
      return (
        <ol key={key} start={start}>
          {items}
        </ol>
      );
    }
  }
}

/**
 * The one way notes and comments reach the screen. The text is parsed into
 * plain objects and built as elements; every piece of text becomes a text
 * node, so nothing a peer wrote is ever read as HTML.
 */
export function NoteMarkdown({ text, class: className }: NoteMarkdownProps) {
  const blocks = useMemo(() => parseNote(text), [text]);

  return <div class={className}>{blocks.map(renderBlock)}</div>;
}
