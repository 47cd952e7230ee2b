/**
 * The lists of entries being edited: each entry's label already numbers
 * it ("Item 2"), so the list's own numbers would say it twice.
 */
export const EDIT_LIST_STYLE = { listStyle: 'none', paddingLeft: 0 };

/** Props of PublishingGuideOrder. */
export interface PublishingGuideOrderProps {
  /** "item 2", "link 1": what the buttons move and remove. */
  name: string;
  index: number;
  count: number;
  onMove(by: number): void;
  onRemove(): void;
}

/** Up, Down and Remove for one entry of the guide being edited. */
export function PublishingGuideOrder(props: PublishingGuideOrderProps) {
  const { name, index, count, onMove, onRemove } = props;

  return (
    <span class="guide-order">
      <button
        type="button"
        aria-label={`Move ${name} up`}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        Up
      </button>{' '}
      <button
        type="button"
        aria-label={`Move ${name} down`}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        Down
      </button>{' '}
      <button
        type="button"
        class="danger"
        aria-label={`Remove ${name}`}
        onClick={onRemove}
      >
        Remove
      </button>
    </span>
  );
}
