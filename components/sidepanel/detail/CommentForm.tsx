import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { LIMITS } from '@/utils/models/limits';
import { commentProblem } from '@/utils/models/detail-model';

/** Props of CommentForm. */
export interface CommentFormProps {
  label: string;
  submitLabel: string;
  initial?: string;
  /** Answers whether the comment was kept; the form then empties. */
  onSubmit(body: string): Promise<boolean>;
  onCancel?(): void;
  /** Moves focus into the form when it opens, as a reply or an edit does. */
  focusOnOpen?: boolean;
}

const count = (value: number) => value.toLocaleString('en');

/** Writes a comment, a reply or an edit, within the length limit. */
export function CommentForm(props: CommentFormProps) {
  const { label, submitLabel, initial = '', onSubmit, onCancel } = props;
  const field = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(initial);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const id = useId();
  const left = LIMITS.commentChars - body.length;

  useEffect(() => {
    if (props.focusOnOpen) field.current?.focus();
  }, [props.focusOnOpen]);

  async function submit(event: Event) {
    event.preventDefault();
    const problem = commentProblem(body);
    setRefusal(problem);
    if (problem) return;

    setSending(true);
    const kept = await onSubmit(body);
    setSending(false);
    if (kept) setBody('');
  }

  return (
    <form class="comment-form" onSubmit={submit}>
      <label htmlFor={`${id}-body`}>{label}</label>
      <textarea
        ref={field}
        id={`${id}-body`}
        rows={3}
        value={body}
        aria-describedby={`${id}-left`}
        aria-invalid={refusal !== null}
        onInput={(event) => setBody(event.currentTarget.value)}
      />
      <p id={`${id}-left`} class={left < 0 ? 'hint hint--over' : 'hint'}>
        {left < 0
          ? `${count(-left)} characters over the limit`
          : `${count(left)} characters left`}
      </p>
      {refusal && (
        <p class="hint hint--over" role="alert">
          {refusal}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={sending}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
