import type { AccountFailureCode } from '@/utils/messages/account-protocol';
import type { SectionProblem } from './account-model';

/**
 * Words for a refusal whose sentence did not arrive (an older background,
 * an empty message); the background's own sentence is more precise.
 */
const FAILURE_TEXT: Partial<Record<AccountFailureCode, string>> = {
  unreachable:
    'The workspace could not be reached. Check the URL and your connection.',
  'not-supabase':
    'That address answers, but not as a Supabase project. Check the URL.',
  'bad-settings':
    'The workspace refused the anon key. Copy it again from the project’s ' +
    'API settings.',
  managed:
    'Your administrator manages this workspace, so it cannot be changed here.',
  'invalid-credentials': 'That email and password do not match an account.',
  'invalid-code': 'That code is wrong or has expired. Ask for a new one.',
  'oauth-cancelled': 'Sign-in was cancelled before it finished.',
  'not-connected': 'Connect a workspace first.',
  'not-signed-in': 'Sign in first.',
};

/**
 * One sentence for a failed account action. Only the options page words
 * them, which keeps the other pages' bundles free of the workspace terms.
 */
export function accountFailureText(problem: SectionProblem): string {
  const sentence = problem.message.trim();
  if (sentence !== '' || !problem.code) return sentence;

  return FAILURE_TEXT[problem.code] ?? 'That did not work. Try again.';
}
