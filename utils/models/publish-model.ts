import { computed, signal } from '@preact/signals';
import type { CachedAnswer } from '@/utils/messages/peer-protocol';
import type {
  DirectoryMe,
  DirectoryTopic,
  PublishingGuide,
  WorkspaceDirectory,
} from '@/utils/remote/peer-wire';
import { problemFrom } from './clip-problem';

/** What publishing a draft reads and writes through. */
export interface PublishServices {
  /** The workspace directory: topics, the team's rule and the guide. */
  loadDirectory(): Promise<CachedAnswer<WorkspaceDirectory>>;
  /** Files the draft under a topic (null: none) before it is sent. */
  chooseTopic(clipId: string, topicId: string | null): Promise<void>;
  /** Queues `clip.submit`, acknowledging this checklist version. */
  submitForPublishing(clipId: string, checklistVersion: number): Promise<void>;
}

/** The draft about to be published, as its author's surface knows it. */
export interface PublishStart {
  clipId: string;
  topicId: string | null;
}

/** Where the publishing dialogue is. */
export type PublishPhase =
  'closed' | 'loading' | 'ready' | 'failed' | 'sending' | 'sent';

/** Where the clip goes once submitted. */
export type PublishRoute = 'direct' | 'team-review' | 'regulated' | 'unknown';

function routeOf(
  topic: DirectoryTopic | undefined,
  approvals: number | null,
): PublishRoute {
  if (topic?.regulated) return 'regulated';
  if (approvals === null) return 'unknown';
  return approvals === 0 ? 'direct' : 'team-review';
}

// A directory cached before the workspace said its team's rule lacks the
// count; the route is then unknown rather than guessed.
function approvalsOf(me: DirectoryMe): number | null {
  const count: unknown = me.team_approvals_required;
  return typeof count === 'number' ? count : null;
}

/** One sentence saying what happens on submit. */
export function routeSentence(
  route: PublishRoute,
  topicName: string | null,
): string {
  switch (route) {
    case 'regulated':
      return (
        `Goes to review: ${topicName ?? 'this topic'} is regulated, so ` +
        'one of its endorsers must approve it.'
      );
    case 'team-review':
      return 'Goes to review: your team asks for an approval before a clip is published.';
    case 'direct':
      return 'Publishes directly: your team publishes without review.';
    case 'unknown':
      return 'Publishes directly, or goes to review first if your team asks for approvals.';
  }
}

/**
 * Publishing one draft: the organisation's checklist, every item of which
 * the author ticks, the policy links beside it, the topic, and where the
 * clip will go. Submitting queues the clip with the checklist version the
 * author acknowledged.
 */
export function createPublishModel(services: PublishServices) {
  const phase = signal<PublishPhase>('closed');
  const draft = signal<PublishStart | null>(null);
  const guide = signal<PublishingGuide | null>(null);
  const topics = signal<DirectoryTopic[]>([]);
  const approvals = signal<number | null>(null);
  const stale = signal(false);
  const ticked = signal<ReadonlySet<number>>(new Set());
  const topicId = signal<string | null>(null);
  const problem = signal<string | null>(null);

  const draftId = computed(() => draft.value?.clipId ?? null);
  const topic = computed(() =>
    topics.value.find((known) => known.id === topicId.value),
  );
  const route = computed(() => routeOf(topic.value, approvals.value));
  const left = computed(
    () => (guide.value?.checklist.length ?? 0) - ticked.value.size,
  );
  const blockedReason = computed(() => {
    if (!guide.value) return 'The publishing checklist is not loaded yet.';
    if (left.value === 1) return 'Tick the last item of the checklist.';
    if (left.value > 0) {
      return `Tick every item of the checklist: ${left.value} left.`;
    }
    return null;
  });

  /**
   * Opens the checklist for a draft and loads the organisation's guide,
   * with the topics and the team's approvals that decide the route.
   */
  async function start(input: PublishStart) {
    draft.value = input;
    topicId.value = input.topicId;
    ticked.value = new Set();
    problem.value = null;
    phase.value = 'loading';

    const answer = await services
      .loadDirectory()
      .catch((error: unknown): CachedAnswer<WorkspaceDirectory> => ({
        ok: false,
        code: 'failed',
        message: problemFrom(
          error,
          'The publishing checklist could not be loaded.',
        ).message,
      }));
    if (draft.value !== input) return;
    if (!answer.ok) {
      problem.value = answer.message;
      phase.value = 'failed';
      return;
    }
    guide.value = answer.value.guide;
    topics.value = answer.value.topics;
    approvals.value = approvalsOf(answer.value.me);
    stale.value = answer.stale;
    phase.value = 'ready';
  }

  function toggle(index: number) {
    const next = new Set(ticked.value);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    ticked.value = next;
  }

  /** Sends the draft, once every item is ticked. */
  async function submit() {
    const input = draft.value;
    const version = guide.value?.version;
    if (!input || version === undefined || blockedReason.value) return;
    phase.value = 'sending';
    problem.value = null;

    try {
      if (topicId.value !== input.topicId) {
        await services.chooseTopic(input.clipId, topicId.value);
      }
      await services.submitForPublishing(input.clipId, version);
      phase.value = 'sent';
    } catch (error) {
      problem.value = problemFrom(error, 'The clip could not be sent.').message;
      phase.value = 'ready';
    }
  }

  return {
    phase,
    draftId,
    guide,
    topics,
    stale,
    ticked,
    topicId,
    topic,
    route,
    left,
    blockedReason,
    problem,
    start,
    toggle,
    chooseTopic: (id: string | null) => (topicId.value = id),
    submit,
    cancel: () => {
      draft.value = null;
      phase.value = 'closed';
    },
  };
}

/** Publishing's state and actions, as the components see them. */
export type PublishModel = ReturnType<typeof createPublishModel>;
