// @vitest-environment jsdom
import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewForm } from '@/components/sidepanel/review/ReviewForm';
import type {
  ReviewFeedbackText,
  ReviewVerdict,
} from '@/utils/models/review-queue-model';
import { axeViolations } from '../fakes/axe';

function renderForm() {
  const sent: [ReviewVerdict, ReviewFeedbackText][] = [];
  const view = render(
    <ReviewForm
      onSubmit={async (verdict, feedback) => {
        sent.push([verdict, feedback]);
        return true;
      }}
      onCancel={() => {}}
    />,
  );
  return { ...view, sent };
}

const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('ReviewForm', () => {
  afterEach(cleanup);

  it('approves with the feedback given', async () => {
    const { sent } = renderForm();
    type('What helps', 'Clear steps.');

    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));

    await waitFor(() =>
      expect(sent).toEqual([
        [
          'approve',
          { helps: 'Clear steps.', improve: '', accuracyConcern: '' },
        ],
      ]),
    );
  });

  it('refuses to ask for changes without saying which', async () => {
    const { sent } = renderForm();
    type('What helps', 'Clear steps.');

    fireEvent.click(screen.getByRole('button', { name: 'Ask for changes' }));

    expect([
      (await screen.findByRole('alert')).textContent,
      sent.length,
    ]).toEqual([
      'Say what to improve or what is inaccurate before asking for changes.',
      0,
    ]);
  });

  it('asks for changes with an accuracy concern', async () => {
    const { sent } = renderForm();
    type('Accuracy concern', 'The limit is 25 kg now.');

    fireEvent.click(screen.getByRole('button', { name: 'Ask for changes' }));

    await waitFor(() => expect(sent[0]?.[0]).toBe('changes'));
  });

  it('passes an accessibility check', async () => {
    const { container } = renderForm();

    expect(await axeViolations(container)).toEqual([]);
  });
});
