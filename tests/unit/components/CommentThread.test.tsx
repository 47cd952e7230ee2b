// @vitest-environment jsdom
import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CommentThread } from '@/components/sidepanel/detail/CommentThread';
import type { ThreadComment } from '@/utils/models/detail-model';
import { axeViolations } from '../fakes/axe';

const NOW = new Date('2026-12-03T12:00:00.000Z');
const BOB = 'bob-id';

function comment(overrides: Partial<ThreadComment>): ThreadComment {
  return {
    id: 'comment-1',
    parentId: null,
    authorId: 'alice-id',
    authorName: 'Alice',
    body: 'Worth a read.',
    createdAt: '2026-12-03T10:00:00.000Z',
    updatedAt: '2026-12-03T10:00:00.000Z',
    deleted: false,
    pending: false,
    ...overrides,
  };
}

const THREAD = [
  comment({}),
  comment({
    id: 'comment-2',
    parentId: 'comment-1',
    authorId: BOB,
    authorName: 'Bob',
    body: 'Agreed, see **step 2**.',
  }),
];

interface Call {
  action: string;
  args: unknown[];
}

function renderThread(comments = THREAD, calls: Call[] = []) {
  const record =
    (action: string) =>
    async (...args: unknown[]) => {
      calls.push({ action, args });
      return true;
    };
  render(
    <CommentThread
      comments={comments}
      readerId={BOB}
      canComment
      now={NOW}
      onAdd={record('add')}
      onEdit={record('edit')}
      onDelete={record('delete')}
    />,
  );
  return calls;
}

const commentBy = (name: string) =>
  screen.getByRole('article', { name: `Comment by ${name}` });

describe('CommentThread', () => {
  afterEach(cleanup);

  it('nests a reply under its parent', () => {
    renderThread();

    const parentItem = commentBy('Alice').closest('li');

    expect(within(parentItem!).getByText('step 2')).toBeTruthy();
  });

  it('sends a reply naming its parent', async () => {
    const calls = renderThread();
    fireEvent.click(
      within(commentBy('Alice')).getByRole('button', { name: 'Reply' }),
    );

    const field = screen.getByLabelText('Reply to Alice');
    fireEvent.input(field, { target: { value: 'Thanks!' } });
    fireEvent.submit(field.closest('form')!);

    await waitFor(() =>
      expect(calls).toEqual([
        { action: 'add', args: ['Thanks!', 'comment-1'] },
      ]),
    );
  });

  it('edits the reader’s own comment', async () => {
    const calls = renderThread();
    fireEvent.click(
      within(commentBy('You')).getByRole('button', { name: 'Edit' }),
    );

    fireEvent.input(screen.getByLabelText('Edit your comment'), {
      target: { value: 'Agreed.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(calls).toEqual([
        { action: 'edit', args: ['comment-2', 'Agreed.'] },
      ]),
    );
  });

  it('deletes the reader’s own comment once confirmed', async () => {
    const calls = renderThread();
    fireEvent.click(
      within(commentBy('You')).getByRole('button', { name: 'Delete' }),
    );

    const confirm = screen.getByRole('group', { name: 'Delete this comment?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));

    await waitFor(() =>
      expect(calls).toEqual([{ action: 'delete', args: ['comment-2'] }]),
    );
  });

  it('offers no edit or delete on someone else’s comment', () => {
    renderThread();

    const buttons = within(commentBy('Alice'))
      .getAllByRole('button')
      .map((button) => button.textContent);

    expect(buttons).toEqual(['Reply']);
  });

  it('keeps the replies of a deleted comment', () => {
    renderThread([comment({ deleted: true, body: '' }), THREAD[1]!]);

    expect([
      screen.getByText('Comment deleted').textContent,
      screen.getByText('step 2').textContent,
    ]).toEqual(['Comment deleted', 'step 2']);
  });

  it('marks a comment not yet sent', () => {
    renderThread([comment({ authorId: BOB, pending: true })]);

    expect(within(commentBy('You')).getByText('Sending…')).toBeTruthy();
  });

  it('counts the characters left', () => {
    renderThread([]);

    fireEvent.input(screen.getByLabelText('Add a comment'), {
      target: { value: 'x'.repeat(10) },
    });

    expect(screen.getByText('9,990 characters left')).toBeTruthy();
  });

  it('says plainly that an empty comment cannot be sent', async () => {
    const calls = renderThread([]);

    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));

    expect([
      (await screen.findByRole('alert')).textContent,
      calls.length,
    ]).toEqual(['Write something before sending.', 0]);
  });

  it('passes an accessibility check', async () => {
    renderThread();

    expect(await axeViolations(document.body)).toEqual([]);
  });
});
