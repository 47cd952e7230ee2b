import { LIMITS } from '@/utils/models/limits';

/** Props of TagsField. */
export interface TagsFieldProps {
  value: string;
  count: number;
  onInput(value: string): void;
  onBlur(): void;
}

/** Tags typed on one line, separated by commas, with the count. */
export function TagsField({ value, count, onInput, onBlur }: TagsFieldProps) {
  return (
    <div class="field">
      <label htmlFor="tags">Tags</label>
      <input
        id="tags"
        type="text"
        value={value}
        placeholder="safety, depot"
        aria-describedby="tags-hint"
        aria-invalid={count > LIMITS.tagCount}
        onInput={(event) => onInput(event.currentTarget.value)}
        onBlur={onBlur}
      />
      <p id="tags-hint" class="hint">
        Separate tags with commas: {count} of {LIMITS.tagCount}, up to{' '}
        {LIMITS.tagChars} characters each.
      </p>
    </div>
  );
}
