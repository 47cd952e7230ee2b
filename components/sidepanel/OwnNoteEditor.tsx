import { useState } from 'preact/hooks';
import { LIMITS } from '@/utils/models/limits';

/** Props of OwnNoteEditor. */
export interface OwnNoteEditorProps {
  /** The note as it stands now: the author's own edit when unsent. */
  note: string;
  /** True when the clip holds an official endorsement the edit will lapse. */
  endorsed: boolean;
  /** Saves the note locally and queues it; rejects with a sentence. */
  onSave(note: string): Promise<unknown>;
}

/**
 * The author edits the note of a clip already in review or published.
 * The edit is saved at once and sent with the next sync; it voids
 * approvals and lapses official endorsements of the earlier text, which
 * the author is told before saving.
 */
export function OwnNoteEditor({ note, endorsed, onSave }: OwnNoteEditorProps) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    try {
      await onSave(text);
      setEditing(false);
      setSaved(true);
      setProblem(null);
    } catch (error) {
      setProblem(
        error instanceof Error && error.message
          ? error.message
          : 'The note was not saved.',
      );
    } finally {
      setSaving(false);
    }
  }

  if (!editing) {
    return (
      <div class="own-note">
        <button
          type="button"
          onClick={() => {
            setText(note);
            setEditing(true);
          }}
        >
          Edit note
        </button>
        {saved && (
          <p class="hint" role="status">
            Note saved.
          </p>
        )}
      </div>
    );
  }

  const left = LIMITS.noteChars - text.length;
  return (
    <form class="own-note" onSubmit={(event) => void save(event)}>
      <label htmlFor="own-note-text">Note</label>
      <textarea
        id="own-note-text"
        rows={6}
        value={text}
        aria-describedby="own-note-help"
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <p id="own-note-help" class="hint">
        {left.toLocaleString('en')} characters left.
        {endorsed &&
          ' Changing the note lapses its official endorsement: the ' +
            'endorser must endorse the new text again.'}
      </p>
      {problem && (
        <p class="notice notice--problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" class="primary" disabled={saving}>
        Save note
      </button>{' '}
      <button type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}
