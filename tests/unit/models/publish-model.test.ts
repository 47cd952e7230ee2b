import { describe, expect, it } from 'vitest';
import type { CachedAnswer } from '@/utils/messages/peer-protocol';
import {
  createPublishModel,
  type PublishServices,
} from '@/utils/models/publish-model';
import type { DirectoryMe, WorkspaceDirectory } from '@/utils/remote/peer-wire';
import {
  fakeDirectory,
  fakeDirectoryMe,
  fakeGuide,
  HEALTH_AND_SAFETY_TOPIC,
} from '../fakes/directory-fakes';
import { fakeAnswer } from '../fakes/peer-fakes';

/** Alice's workspace with a regulated and an open topic, and `me`. */
function directory(me = fakeDirectoryMe()): WorkspaceDirectory {
  return fakeDirectory({
    me,
    topics: [
      HEALTH_AND_SAFETY_TOPIC,
      { id: 'topic-it', name: 'IT', regulated: false, i_endorse: false },
    ],
    guide: fakeGuide({ version: 7 }),
  });
}

function fakeServices(
  calls: string[] = [],
  me = fakeDirectoryMe(),
): PublishServices {
  return {
    loadDirectory: async (): Promise<CachedAnswer<WorkspaceDirectory>> =>
      fakeAnswer(directory(me), '2026-12-03T10:00:00.000Z'),
    chooseTopic: async (clipId, topicId) => {
      calls.push(`topic ${clipId} ${topicId}`);
    },
    submitForPublishing: async (clipId, version) => {
      calls.push(`submit ${clipId} ${version}`);
    },
  };
}

const DRAFT = { clipId: 'clip-1', topicId: null };

/** Alice's profile as a team that publishes without review. */
const NO_APPROVALS = fakeDirectoryMe({ team_approvals_required: 0 });

describe('createPublishModel', () => {
  it('refuses to submit until every item is ticked', async () => {
    const calls: string[] = [];
    const model = createPublishModel(fakeServices(calls));
    await model.start(DRAFT);
    model.toggle(0);

    await model.submit();

    expect([calls, model.blockedReason.value]).toEqual([
      [],
      'Tick the last item of the checklist.',
    ]);
  });

  it('submits with the checklist version acknowledged', async () => {
    const calls: string[] = [];
    const model = createPublishModel(fakeServices(calls));
    await model.start(DRAFT);
    model.toggle(0);
    model.toggle(1);

    await model.submit();

    expect(calls).toEqual(['submit clip-1 7']);
  });

  it('files the draft under a newly chosen topic first', async () => {
    const calls: string[] = [];
    const model = createPublishModel(fakeServices(calls));
    await model.start(DRAFT);
    model.toggle(0);
    model.toggle(1);
    model.chooseTopic('topic-it');

    await model.submit();

    expect(calls).toEqual(['topic clip-1 topic-it', 'submit clip-1 7']);
  });

  it('sends a regulated clip to review whatever the team asks', async () => {
    const model = createPublishModel(fakeServices([], NO_APPROVALS));
    await model.start(DRAFT);

    model.chooseTopic('topic-hs');

    expect(model.route.value).toBe('regulated');
  });

  it('publishes directly when the team needs no approvals', async () => {
    const model = createPublishModel(fakeServices([], NO_APPROVALS));

    await model.start(DRAFT);

    expect(model.route.value).toBe('direct');
  });

  it('sends the clip to team review when the team needs one', async () => {
    const model = createPublishModel(fakeServices());

    await model.start({ ...DRAFT, topicId: 'topic-it' });

    expect(model.route.value).toBe('team-review');
  });

  it('leaves the route unknown on an older cached directory', async () => {
    const { team_approvals_required: _, ...older } = fakeDirectoryMe();
    const me = older as DirectoryMe;
    const model = createPublishModel(fakeServices([], me));

    await model.start(DRAFT);

    expect(model.route.value).toBe('unknown');
  });

  it('fails in plain words when the guide cannot be loaded', async () => {
    const model = createPublishModel({
      ...fakeServices(),
      loadDirectory: async () => ({
        ok: false,
        code: 'offline',
        message: 'You are offline; the checklist was never loaded here.',
      }),
    });

    await model.start(DRAFT);

    expect([model.phase.value, model.problem.value]).toEqual([
      'failed',
      'You are offline; the checklist was never loaded here.',
    ]);
  });

  it('keeps the author in the form when the submit fails', async () => {
    const model = createPublishModel({
      ...fakeServices(),
      submitForPublishing: () =>
        Promise.reject(
          Object.assign(new Error('Only a draft can be published.'), {
            code: 'not-a-draft',
          }),
        ),
    });
    await model.start(DRAFT);
    model.toggle(0);
    model.toggle(1);

    await model.submit();

    expect([model.phase.value, model.problem.value]).toEqual([
      'ready',
      'Only a draft can be published.',
    ]);
  });
});
