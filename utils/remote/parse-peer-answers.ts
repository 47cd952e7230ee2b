import { isRecord } from './parse-answers';
import type {
  ClipDetail,
  PublishingGuide,
  ReviewQueueItem,
  WorkspaceDirectory,
} from './peer-wire';
import { RemoteError } from './remote-error';
import type { WireRecord } from './sync-wire';

/**
 * Checks clip_detail's answer: the clip and the lists the detail view
 * walks. Text is rendered later through the sanitising renderer.
 */
export function parseClipDetail(answer: unknown): ClipDetail {
  if (
    !isRecord(answer) ||
    !hasIds(answer.clip) ||
    !isList(answer.comments, (c) => hasIds(c) && isText(c.body)) ||
    !isList(answer.endorsements, (e) => hasIds(e) && isText(e.status)) ||
    !isList(answer.reviews, (r) => hasIds(r) && isText(r.verdict)) ||
    !isText(answer.trust) ||
    !areFlags(answer, [
      'following_author',
      'following_topic',
      'can_endorse_officially',
    ])
  ) {
    throw badAnswer('clip_detail');
  }
  return answer as unknown as ClipDetail;
}

/** Checks review_queue's answer: a list of clips waiting for review. */
export function parseReviewQueue(answer: unknown): ReviewQueueItem[] {
  if (!isList(answer, (item) => hasIds(item) && isText(item.quote))) {
    throw badAnswer('review_queue');
  }
  return answer as unknown as ReviewQueueItem[];
}

/** Checks workspace_directory's answer. */
export function parseDirectory(answer: unknown): WorkspaceDirectory {
  if (
    !isRecord(answer) ||
    !hasIds(answer.me) ||
    !isCount(answer.me.team_approvals_required) ||
    !isList(answer.topics, (topic) => hasIds(topic) && isText(topic.name)) ||
    !isRecord(answer.follows) ||
    !isTextList(answer.follows.people) ||
    !isTextList(answer.follows.topics) ||
    !isGuide(answer.guide)
  ) {
    throw badAnswer('workspace_directory');
  }
  return answer as unknown as WorkspaceDirectory;
}

/** Checks save_publishing_guide's answer. */
export function parseGuide(answer: unknown): PublishingGuide {
  if (!isGuide(answer)) throw badAnswer('save_publishing_guide');
  return answer;
}

function isGuide(value: unknown): value is PublishingGuide {
  return (
    isRecord(value) &&
    isTextList(value.checklist) &&
    isList(
      value.policy_links,
      (link) => isText(link.title) && isText(link.url),
    ) &&
    Number.isInteger(value.version) &&
    typeof value.can_edit === 'boolean'
  );
}

function hasIds(value: unknown): value is WireRecord {
  return isRecord(value) && isText(value.id);
}

function areFlags(value: WireRecord, keys: string[]): boolean {
  return keys.every((key) => typeof value[key] === 'boolean');
}

function isList(
  value: unknown,
  check: (entry: WireRecord) => boolean,
): boolean {
  return (
    Array.isArray(value) &&
    value.every((entry) => isRecord(entry) && check(entry))
  );
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function isTextList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isText);
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function badAnswer(fn: string): RemoteError {
  return new RemoteError(
    'bad-answer',
    `The workspace answered ${fn} in an unexpected shape.`,
  );
}
