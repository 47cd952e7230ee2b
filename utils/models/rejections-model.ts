import { effect, signal } from '@preact/signals';
import type { RejectedChange } from '@/utils/sync/rejections';
import { problemFrom } from './clip-problem';
import type { LiveSource } from './drafts-model';

/** What the list of refused changes reads and dismisses through. */
export interface RejectionsServices {
  observeRejections(): LiveSource<RejectedChange[]>;
  dismiss(changeId: string): Promise<void>;
}

/**
 * The changes the server refused, live, until their author has read the
 * reason and dismissed them. `dispose` stops listening.
 */
export function createRejectionsModel(services: RejectionsServices) {
  const rejected = signal<RejectedChange[]>([]);
  const problem = signal<string | null>(null);

  const dispose = effect(() => {
    const subscription = services.observeRejections().subscribe({
      next: (changes) => (rejected.value = changes),
      error: (error) => {
        problem.value = problemFrom(
          error,
          'The refused changes could not be read.',
        ).message;
      },
    });
    return () => subscription.unsubscribe();
  });

  /** Forgets one refused change once its author has seen it. */
  async function dismiss(changeId: string) {
    problem.value = null;

    try {
      await services.dismiss(changeId);
    } catch (error) {
      problem.value = problemFrom(
        error,
        'The refused change could not be dismissed.',
      ).message;
    }
  }

  return { rejected, problem, dismiss, dispose };
}

/** The refused changes' state and actions, as the components see them. */
export type RejectionsModel = ReturnType<typeof createRejectionsModel>;
