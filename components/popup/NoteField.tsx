import { LIMITS } from '@/utils/models/limits';

/** Props of NoteField. */
export interface NoteFieldProps {
  value: string;
  remaining: number;
  onInput(value: string): void;
  onBlur(): void;
}

/**
 * The note on a draft, with the characters left. No `maxLength`: a paste
 * over the limit stays on screen (nothing typed is lost) and the save
 * explains what to shorten.
 */
export function NoteField({
  value,
  remaining,
  onInput,
  onBlur,
}: NoteFieldProps) {
  const over = remaining < 0;

  return (
    <div class="field">
      <label htmlFor="note">Note</label>
      <textarea
        id="note"
        rows={5}
        value={value}
        aria-describedby="note-remaining"
        aria-invalid={over}
        onInput={(event) => onInput(event.currentTarget.value)}
        onBlur={onBlur}
      />
      <p id="note-remaining" class={over ? 'hint hint--over' : 'hint'}>
        {over
          ? `${(-remaining).toLocaleString('en')} characters over the limit`
          : `${remaining.toLocaleString('en')} of ` +
            `${LIMITS.noteChars.toLocaleString('en')} characters left`}
      </p>
    </div>
  );
}
