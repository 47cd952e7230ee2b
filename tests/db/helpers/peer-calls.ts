// Calls of the reading and discussing functions, as a person makes them.
import type {
  ClipDetail,
  PublishingGuide,
  ReviewQueueItem,
  WorkspaceDirectory,
} from '../../../utils/remote/peer-wire.ts';
import { queryAs, type Caller, type Organisation } from './rules-org.ts';

/** A refused call: its SQLSTATE and message ('' for both if none). */
export interface Failure {
  code: string;
  message: string;
}

/** Runs fn and answers the error it throws, or empty strings if none. */
export async function failureOf(fn: () => Promise<unknown>): Promise<Failure> {
  try {
    await fn();
    return { code: '', message: '' };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return { code: code ?? '', message };
  }
}

/** Calls one function of one argument list and answers its value. */
async function valueOf<T>(
  org: Organisation,
  caller: Caller,
  call: string,
  values: unknown[] = [],
): Promise<T> {
  const [row] = await queryAs(org, caller, `select ${call} as value`, values);
  return row!.value as T;
}

/** clip_detail as the caller. */
export function clipDetail(
  org: Organisation,
  caller: Caller,
  clipId: string,
): Promise<ClipDetail> {
  return valueOf(org, caller, 'clip_detail($1)', [clipId]);
}

/** review_queue as the caller. */
export function reviewQueue(
  org: Organisation,
  caller: Caller,
): Promise<ReviewQueueItem[]> {
  return valueOf(org, caller, 'review_queue()');
}

/** workspace_directory as the caller. */
export function directory(
  org: Organisation,
  caller: Caller,
): Promise<WorkspaceDirectory> {
  return valueOf(org, caller, 'workspace_directory()');
}

/** save_publishing_guide as the caller, committed. */
export async function saveGuide(
  org: Organisation,
  caller: Caller,
  checklist: unknown,
  policyLinks: unknown = [],
): Promise<PublishingGuide> {
  const [row] = await queryAs(
    org,
    caller,
    'select save_publishing_guide($1, $2) as value',
    [JSON.stringify(checklist), JSON.stringify(policyLinks)],
    { commit: true },
  );
  return row!.value as PublishingGuide;
}

/** set_follow as the caller, committed. */
export async function setFollow(
  org: Organisation,
  caller: Caller,
  kind: string,
  targetId: string,
  follow: boolean,
): Promise<void> {
  await queryAs(
    org,
    caller,
    'select set_follow($1, $2, $3)',
    [kind, targetId, follow],
    { commit: true },
  );
}
