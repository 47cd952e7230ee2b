import { useId, useState } from 'preact/hooks';
import {
  feedbackProblem,
  type ReviewFeedbackText,
  type ReviewVerdict,
} from '@/utils/models/review-queue-model';

/** Props of ReviewForm. */
export interface ReviewFormProps {
  /** Answers whether the review was kept. */
  onSubmit(
    verdict: ReviewVerdict,
    feedback: ReviewFeedbackText,
  ): Promise<boolean>;
  onCancel(): void;
  /** Why the last review was refused, from the model. */
  problem?: string | null;
}

const FIELDS: [keyof ReviewFeedbackText, string, string][] = [
  ['helps', 'What helps', 'What makes this clip useful to peers.'],
  ['improve', 'What to improve', 'What the author could make clearer.'],
  [
    'accuracyConcern',
    'Accuracy concern',
    'Anything that may be wrong or out of date.',
  ],
];

/**
 * A review: approve, or ask for changes with structured feedback that says
 * what to improve or what is inaccurate.
 */
export function ReviewForm({ onSubmit, onCancel, problem }: ReviewFormProps) {
  const id = useId();
  const [feedback, setFeedback] = useState<ReviewFeedbackText>({
    helps: '',
    improve: '',
    accuracyConcern: '',
  });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function send(verdict: ReviewVerdict) {
    const reason = feedbackProblem(verdict, feedback);
    setRefusal(reason);
    if (reason) return;

    setSending(true);
    await onSubmit(verdict, feedback);
    setSending(false);
  }

  const shown = refusal ?? problem ?? null;
  return (
    <form
      class="review-form"
      aria-label="Your review"
      onSubmit={(event) => event.preventDefault()}
    >
      {FIELDS.map(([key, label, hint]) => (
        <div class="field" key={key}>
          <label htmlFor={`${id}-${key}`}>{label}</label>
          <textarea
            id={`${id}-${key}`}
            rows={3}
            value={feedback[key]}
            aria-describedby={`${id}-${key}-hint`}
            onInput={(event) =>
              setFeedback({ ...feedback, [key]: event.currentTarget.value })
            }
          />
          <p id={`${id}-${key}-hint`} class="hint">
            {hint}
          </p>
        </div>
      ))}
      {shown && (
        <p class="notice notice--problem" role="alert">
          {shown}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={sending}
          onClick={() => void send('approve')}
        >
          Approve
        </button>
        <button
          type="button"
          disabled={sending}
          onClick={() => void send('changes')}
        >
          Ask for changes
        </button>
        <button type="button" class="link" onClick={onCancel}>
          Back to the queue
        </button>
      </div>
    </form>
  );
}
