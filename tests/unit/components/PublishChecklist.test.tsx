// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PublishChecklist } from '@/components/sidepanel/detail/PublishChecklist';
import { createPublishModel } from '@/utils/models/publish-model';
import { axeViolations } from '../fakes/axe';
import {
  fakeDirectory,
  fakeDirectoryMe,
  fakeGuide,
} from '../fakes/directory-fakes';
import { fakeAnswer } from '../fakes/peer-fakes';

/** Alice's workspace, whose checklist links the email policy. */
const DIRECTORY = fakeDirectory({
  guide: fakeGuide({
    policy_links: [
      { title: 'Email etiquette', url: 'https://intranet.example/email' },
    ],
    version: 4,
  }),
});

function publishModel(
  submitted: [string, number][] = [],
  directory = DIRECTORY,
) {
  return createPublishModel({
    loadDirectory: async () =>
      fakeAnswer(directory, '2026-12-03T10:00:00.000Z'),
    chooseTopic: async () => {},
    submitForPublishing: async (clipId, version) => {
      submitted.push([clipId, version]);
    },
  });
}

async function openChecklist(submitted: [string, number][] = []) {
  const model = publishModel(submitted);
  const view = render(
    <PublishChecklist
      model={model}
      draft={{ clipId: 'clip-1', topicId: 'topic-hs' }}
    />,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Publish…' }));
  await screen.findByRole('form', { name: 'Publishing checklist' });
  return { ...view, model, submitted };
}

describe('PublishChecklist', () => {
  afterEach(cleanup);

  it('keeps submit disabled until every item is ticked', async () => {
    await openChecklist();

    fireEvent.click(screen.getByLabelText('The source is internal.'));

    expect(
      (screen.getByRole('button', { name: 'Submit' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
  });

  it('says why submit is disabled', async () => {
    await openChecklist();

    expect(
      screen.getByText('Tick every item of the checklist: 2 left.'),
    ).toBeTruthy();
  });

  it('submits with the checklist version once all are ticked', async () => {
    const { submitted } = await openChecklist();
    fireEvent.click(screen.getByLabelText('The source is internal.'));
    fireEvent.click(screen.getByLabelText('No personal data.'));

    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));

    await screen.findByText(/Sent for review/);
    expect(submitted).toEqual([['clip-1', 4]]);
  });

  it('says a regulated clip goes to its endorsers', async () => {
    await openChecklist();

    expect(screen.getByText(/Health & Safety is regulated/)).toBeTruthy();
  });

  it('offers Publish when the team needs no approvals', async () => {
    const me = fakeDirectoryMe({ team_approvals_required: 0 });
    const model = publishModel([], { ...DIRECTORY, me });
    render(
      <PublishChecklist model={model} draft={{ clipId: 'c', topicId: null }} />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Publish…' }));

    expect(await screen.findByRole('button', { name: 'Publish' })).toBeTruthy();
  });

  it('shows the policy links beside the checklist', async () => {
    await openChecklist();

    expect(
      screen
        .getByRole('link', { name: 'Email etiquette' })
        .getAttribute('href'),
    ).toBe('https://intranet.example/email');
  });

  it('starts closed on another draft after one was sent', async () => {
    const { model, rerender } = await openChecklist();
    fireEvent.click(screen.getByLabelText('The source is internal.'));
    fireEvent.click(screen.getByLabelText('No personal data.'));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await screen.findByText(/Sent for review/);

    rerender(
      <PublishChecklist
        model={model}
        draft={{ clipId: 'clip-2', topicId: null }}
      />,
    );

    expect(screen.getByRole('button', { name: 'Publish…' })).toBeTruthy();
  });

  it('passes an accessibility check', async () => {
    const { container } = await openChecklist();

    expect(await axeViolations(container)).toEqual([]);
  });
});
