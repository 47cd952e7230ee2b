/** Props of ConflictMark. */
export interface ConflictMarkProps {
  /** The title of the original, when it is among the drafts listed. */
  originalTitle?: string;
  onOpenOriginal(): void;
}

/**
 * Says a draft is a conflict copy: the text written here while the
 * workspace kept another version, linked to that original.
 */
export function ConflictMark({
  originalTitle,
  onOpenOriginal,
}: ConflictMarkProps) {
  return (
    <p class="conflict-mark">
      <strong class="badge">Conflict copy</strong>{' '}
      <button type="button" class="link" onClick={onOpenOriginal}>
        {originalTitle
          ? `Open the original: ${originalTitle}`
          : 'Open the original'}
      </button>
    </p>
  );
}
