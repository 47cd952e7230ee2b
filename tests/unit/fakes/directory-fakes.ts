import type { CachedAnswer } from '@/utils/messages/peer-protocol';
import type {
  DirectoryMe,
  DirectoryTopic,
  PublishingGuide,
  WorkspaceDirectory,
} from '@/utils/remote/peer-wire';

/** The regulated topic as the directory lists it; Alice is no endorser. */
export const HEALTH_AND_SAFETY_TOPIC: DirectoryTopic = {
  id: 'topic-hs',
  name: 'Health & Safety',
  regulated: true,
  i_endorse: false,
};

/** Alice, of the Safety team, which needs one approval; with `overrides`. */
export function fakeDirectoryMe(
  overrides: Partial<DirectoryMe> = {},
): DirectoryMe {
  return {
    id: 'alice-id',
    display_name: 'Alice',
    email: 'alice@example.org',
    team_id: 'team-1',
    team_name: 'Safety',
    team_approvals_required: 1,
    role: 'member',
    status: 'active',
    ...overrides,
  };
}

/** A two-item checklist with no policy links, which Alice cannot edit. */
export function fakeGuide(
  overrides: Partial<PublishingGuide> = {},
): PublishingGuide {
  return {
    checklist: ['The source is internal.', 'No personal data.'],
    policy_links: [],
    version: 1,
    can_edit: false,
    ...overrides,
  };
}

/** The workspace as Alice sees it, following no one, with `overrides`. */
export function fakeDirectory(
  overrides: Partial<WorkspaceDirectory> = {},
): WorkspaceDirectory {
  return {
    me: fakeDirectoryMe(),
    topics: [HEALTH_AND_SAFETY_TOPIC],
    follows: { people: [], topics: [] },
    guide: fakeGuide(),
    ...overrides,
  };
}

/**
 * The directory answer the options page gets for Dana, who keeps `guide`:
 * an admin exactly when the guide says she may edit it.
 */
export function fakeGuideDirectory(
  guide: PublishingGuide,
): CachedAnswer<WorkspaceDirectory> {
  const dana = fakeDirectoryMe({
    id: 'admin-1',
    display_name: 'Dana',
    email: 'dana@northwind.example',
    team_id: null,
    team_name: null,
    role: guide.can_edit ? 'admin' : 'member',
  });
  const value = fakeDirectory({ me: dana, topics: [], guide });

  return { ok: true, value, fetchedAt: '2026-12-03T10:00:00Z', stale: false };
}
