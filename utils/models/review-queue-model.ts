import { computed, signal } from '@preact/signals';
import type { CachedAnswer } from '@/utils/messages/peer-protocol';
import type { ReviewQueueItem } from '@/utils/remote/peer-wire';
import { problemFrom } from './clip-problem';
import { LIMITS } from './limits';

/** A reviewer's verdict on a clip in review. */
export type ReviewVerdict = 'approve' | 'changes';

/** The structured feedback of a review. */
export interface ReviewFeedbackText {
  helps: string;
  improve: string;
  accuracyConcern: string;
}

/** A review as the store records it (DiscussionRepository.review). */
export interface ReviewInput extends ReviewFeedbackText {
  clipId: string;
  verdict: ReviewVerdict;
  reviewerId: string;
}

/** What the review queue reads and writes through. */
export interface ReviewQueueServices {
  /** The clips waiting for the reader's review, maybe cached. */
  loadQueue(): Promise<CachedAnswer<ReviewQueueItem[]>>;
  /** Records the review and queues it for the workspace. */
  review(input: ReviewInput): Promise<unknown>;
  /** The reader's id; null when nobody is signed in. */
  me(): Promise<string | null>;
}

/** Where the queue is: loading, shown, or why it cannot be. */
export type QueueStatus = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * Why this feedback cannot be sent, or null. Asking for changes says what
 * to change: a bare "no" helps nobody.
 */
export function feedbackProblem(
  verdict: ReviewVerdict,
  feedback: ReviewFeedbackText,
): string | null {
  const says = (text: string) => text.trim() !== '';
  if (
    verdict === 'changes' &&
    !says(feedback.improve) &&
    !says(feedback.accuracyConcern)
  ) {
    return 'Say what to improve or what is inaccurate before asking for changes.';
  }

  const fields = [feedback.helps, feedback.improve, feedback.accuracyConcern];
  if (fields.some((text) => text.length > LIMITS.commentChars)) {
    const most = LIMITS.commentChars.toLocaleString('en');
    return `Each part of the feedback holds at most ${most} characters.`;
  }
  return null;
}

/**
 * The clips waiting for the reader's review, one opened at a time, and the
 * review action. A review given here shows at once as the reader's verdict,
 * before the workspace has it.
 */
export function createReviewQueueModel(services: ReviewQueueServices) {
  const status = signal<QueueStatus>('idle');
  const items = signal<ReviewQueueItem[]>([]);
  const stale = signal(false);
  const fetchedAt = signal<string | null>(null);
  const failure = signal<string | null>(null);
  const openedId = signal<string | null>(null);
  const problem = signal<string | null>(null);
  const sent = signal<ReviewVerdict | null>(null);

  const opened = computed(
    () => items.value.find((item) => item.id === openedId.value) ?? null,
  );

  /** Reads the queue; what was there stays shown while it loads. */
  async function load() {
    status.value = items.value.length > 0 ? status.value : 'loading';
    failure.value = null;

    try {
      const answer = await services.loadQueue();
      if (!answer.ok) {
        failure.value = answer.message;
        status.value = 'failed';
        return;
      }
      items.value = answer.value;
      stale.value = answer.stale;
      fetchedAt.value = answer.fetchedAt;
      status.value = 'ready';
    } catch (error) {
      failure.value = problemFrom(
        error,
        'The review queue could not be read.',
      ).message;
      status.value = 'failed';
    }
  }

  function markReviewed(clipId: string, verdict: ReviewVerdict) {
    items.value = items.value.map((item) =>
      item.id === clipId ? { ...item, my_verdict: verdict } : item,
    );
  }

  /** Reviews the opened clip; answers whether the review was kept. */
  async function review(verdict: ReviewVerdict, feedback: ReviewFeedbackText) {
    const clip = opened.value;
    problem.value = clip ? feedbackProblem(verdict, feedback) : null;
    if (!clip || problem.value) return false;

    try {
      const reviewerId = await services.me();
      if (!reviewerId) {
        problem.value = 'Sign in to your workspace to review.';
        return false;
      }
      await services.review({
        ...feedback,
        clipId: clip.id,
        verdict,
        reviewerId,
      });
    } catch (error) {
      problem.value = problemFrom(
        error,
        'The review could not be saved.',
      ).message;
      return false;
    }

    markReviewed(clip.id, verdict);
    sent.value = verdict;
    openedId.value = null;
    return true;
  }

  return {
    status,
    items,
    stale,
    fetchedAt,
    failure,
    opened,
    problem,
    sent,
    load,
    open: (clipId: string) => {
      openedId.value = clipId;
      problem.value = null;
      sent.value = null;
    },
    close: () => {
      openedId.value = null;
      problem.value = null;
    },
    review,
  };
}

/** The review queue's state and actions, as the components see them. */
export type ReviewQueueModel = ReturnType<typeof createReviewQueueModel>;
