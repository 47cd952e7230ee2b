import type {
  FollowTarget,
  PolicyLink,
  PublishingGuide,
} from '../../../../utils/remote/peer-wire';
import { RemoteError } from '../../../../utils/remote/remote-error';
import { peerDataOf } from './fake-peer-data';
import type { FakeWorkspace } from './fake-workspace';

/** set_follow over the fake: idempotent both ways. */
export function setFollowOf(
  workspace: FakeWorkspace,
  userId: string,
  target: FollowTarget,
  follow: boolean,
): void {
  const data = peerDataOf(workspace);
  if (target.kind !== 'person' && target.kind !== 'topic') {
    throw new RemoteError('bad-request', 'kind must be person or topic');
  }
  if (target.kind === 'person' && target.id === userId) {
    throw new RemoteError('bad-request', 'you cannot follow yourself');
  }
  const follows = data.followsOf(userId);
  const key = `${target.kind}:${target.id}`;
  if (!follow) {
    follows.delete(key);
    return;
  }

  const known =
    target.kind === 'person'
      ? workspace.users.some((user) => user.id === target.id)
      : data.topics.has(target.id);
  if (!known) {
    throw new RemoteError(
      'not-found',
      `there is no ${target.kind} with this id to follow`,
    );
  }
  follows.add(key);
}

/** save_publishing_guide over the fake, with the server's messages. */
export function saveGuideOf(
  workspace: FakeWorkspace,
  userId: string,
  checklist: unknown,
  policyLinks: unknown,
): PublishingGuide {
  const data = peerDataOf(workspace);
  if (data.profileOf(userId).role !== 'admin') {
    throw new RemoteError(
      'forbidden',
      'only an admin edits the publishing guide',
    );
  }
  const problems = guideProblems(checklist, policyLinks);
  if (problems.length > 0) {
    throw new RemoteError('bad-request', problems.join('; '));
  }

  const items = (checklist as string[]).map((item) => trimmed(item));
  const links = (policyLinks as PolicyLink[]).map(({ title, url }) => ({
    title: trimmed(title),
    url: trimmed(url),
  }));
  const changed =
    JSON.stringify([items, links]) !==
    JSON.stringify([data.guide.checklist, data.guide.policy_links]);
  const version = data.guide.version + (changed ? 1 : 0);
  data.guide = { checklist: items, policy_links: links, version };
  return { ...structuredClone(data.guide), can_edit: true };
}

function guideProblems(checklist: unknown, policyLinks: unknown): string[] {
  const problems: string[] = [];
  if (!Array.isArray(checklist) || !between(checklist.length, 1, 20)) {
    problems.push('the checklist must be a list of 1 to 20 items');
  } else {
    checklist.forEach((item: unknown, index) => {
      if (typeof item !== 'string' || !between(chars(trimmed(item)), 1, 500)) {
        problems.push(
          `checklist item ${index + 1} must be text of 1 to 500 characters`,
        );
      }
    });
  }

  if (!Array.isArray(policyLinks) || policyLinks.length > 20) {
    return [...problems, 'the policy links must be a list of at most 20 links'];
  }
  policyLinks.forEach((link: unknown, index) => {
    if (!isPolicyLink(link)) {
      problems.push(
        `policy link ${index + 1} needs a title of 1 to 200 characters ` +
          'and an http or https url',
      );
    }
  });
  return problems;
}

function isPolicyLink(link: unknown): boolean {
  if (typeof link !== 'object' || link === null || Array.isArray(link)) {
    return false;
  }
  const { title, url, ...rest } = link as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    typeof title === 'string' &&
    between(chars(trimmed(title)), 1, 200) &&
    typeof url === 'string' &&
    /^https?:\/\/[^\s/?#]+\S*$/.test(trimmed(url)) &&
    trimmed(url).length <= 2048
  );
}

// As the server trims: spaces, tabs and line breaks, nothing else.
function trimmed(text: string): string {
  return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

// Characters as PostgreSQL counts them: code points.
function chars(text: string): number {
  return [...text].length;
}

function between(value: number, low: number, high: number): boolean {
  return value >= low && value <= high;
}
