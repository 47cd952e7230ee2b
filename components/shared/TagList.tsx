/** Props of TagList. */
export interface TagListProps {
  tags: string[];
}

/** A clip's tags as a list, or nothing when there are none. */
export function TagList({ tags }: TagListProps) {
  if (tags.length === 0) return null;

  return (
    <ul class="tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} class="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}
