import type { Problem } from '@/utils/models/clip-problem';

/** Props of ProblemNotice. */
export interface ProblemNoticeProps {
  problem: Problem | null;
  /** Offered when the problem says clipping the page would help. */
  onClipPage?: () => void;
}

/** What went wrong, in one sentence, announced at once. */
export function ProblemNotice({ problem, onClipPage }: ProblemNoticeProps) {
  if (!problem) return null;

  return (
    <div class="notice notice--problem" role="alert">
      <p>{problem.message}</p>
      {problem.offerClipPage && onClipPage && (
        <button type="button" onClick={onClipPage}>
          Clip page
        </button>
      )}
    </div>
  );
}
