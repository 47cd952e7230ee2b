/** Props of DraftSearch. */
export interface DraftSearchProps {
  value: string;
  onInput(value: string): void;
}

/** Searches My drafts by quote, note, title and tags as the user types. */
export function DraftSearch({ value, onInput }: DraftSearchProps) {
  return (
    <search class="draft-search">
      <label htmlFor="draft-search">Search drafts</label>
      <input
        id="draft-search"
        type="search"
        value={value}
        placeholder="Quote, note, title or tag"
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </search>
  );
}
