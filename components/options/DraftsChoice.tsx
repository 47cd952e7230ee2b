import type { DraftsChoice as Choice } from '@/utils/models/account-model';

/** Props of DraftsChoice. */
export interface DraftsChoiceProps {
  choice: Choice;
  /** Changes not yet sent, lost if the drafts are removed. */
  pendingCount: number;
  onChoose(keepDrafts: boolean): void;
  onCancel(): void;
}

const QUESTION: Record<Choice, string> = {
  'sign-out': 'Sign out: keep your drafts in this browser?',
  disconnect: 'Disconnect the workspace: keep your drafts in this browser?',
};

/**
 * Asks, before signing out or disconnecting, whether the drafts stay in
 * this browser: two plain answers and a way back, never a bare confirm.
 */
export function DraftsChoice({
  choice,
  pendingCount,
  onChoose,
  onCancel,
}: DraftsChoiceProps) {
  return (
    <div class="choice" role="group" aria-labelledby="drafts-choice">
      <p id="drafts-choice">{QUESTION[choice]}</p>
      {pendingCount > 0 && (
        <p class="hint hint--over">
          {pendingCount === 1
            ? '1 change has'
            : `${pendingCount.toLocaleString('en')} changes have`}{' '}
          not reached the workspace yet: removing the drafts loses them.
        </p>
      )}
      <div class="choice__answers">
        <button type="button" class="primary" onClick={() => onChoose(true)}>
          Keep drafts in this browser
        </button>
        <button type="button" class="danger" onClick={() => onChoose(false)}>
          Remove drafts from this browser
        </button>
        <button type="button" class="link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
