import { useState } from 'preact/hooks';
import { NoteMarkdown } from '../../shared/NoteMarkdown';
import { CommentForm } from './CommentForm';
import type { ThreadNode } from './thread-tree';
import { TimeAgo } from './TimeAgo';

/** What a comment can do, handed down the thread. */
export interface CommentActions {
  readerId: string | null;
  canReply: boolean;
  now: Date;
  onReply(parentId: string, body: string): Promise<boolean>;
  onEdit(id: string, body: string): Promise<boolean>;
  onDelete(id: string): Promise<boolean>;
}

/** Props of CommentItem. */
export interface CommentItemProps extends CommentActions {
  node: ThreadNode;
}

type Mode = 'read' | 'reply' | 'edit' | 'confirm-delete';

function authorOf(node: ThreadNode, readerId: string | null): string {
  const { comment } = node;
  if (comment.authorId === readerId) return 'You';
  return comment.authorName ?? 'A colleague';
}

/** The buttons under a comment: reply to anyone, edit and delete one's own. */
function CommentButtons(props: {
  own: boolean;
  canReply: boolean;
  onMode(mode: Mode): void;
}) {
  return (
    <div class="comment__actions">
      {props.canReply && (
        <button
          type="button"
          class="link"
          onClick={() => props.onMode('reply')}
        >
          Reply
        </button>
      )}
      {props.own && (
        <>
          <button
            type="button"
            class="link"
            onClick={() => props.onMode('edit')}
          >
            Edit
          </button>
          <button
            type="button"
            class="link"
            onClick={() => props.onMode('confirm-delete')}
          >
            Delete
          </button>
        </>
      )}
    </div>
  );
}

/** One comment, what the reader may do with it, and its replies. */
export function CommentItem({ node, ...actions }: CommentItemProps) {
  const [mode, setMode] = useState<Mode>('read');
  const { comment } = node;
  const own = comment.authorId === actions.readerId && !comment.deleted;
  const author = authorOf(node, actions.readerId);
  const done = (kept: boolean) => {
    if (kept) setMode('read');
    return kept;
  };

  return (
    <li class="comment">
      {comment.deleted ? (
        <p class="comment__deleted">Comment deleted</p>
      ) : (
        <article class="comment__body" aria-label={`Comment by ${author}`}>
          <p class="comment__meta">
            <strong>{author}</strong>{' '}
            <TimeAgo iso={comment.createdAt} now={actions.now} />
            {comment.updatedAt !== comment.createdAt && ' (edited)'}
            {comment.pending && <span class="badge">Sending…</span>}
          </p>
          {mode === 'edit' ? (
            <CommentForm
              label="Edit your comment"
              submitLabel="Save"
              initial={comment.body}
              focusOnOpen
              onSubmit={async (body) =>
                done(await actions.onEdit(comment.id, body))
              }
              onCancel={() => setMode('read')}
            />
          ) : (
            <NoteMarkdown class="comment__text" text={comment.body} />
          )}
          {mode === 'read' && (
            <CommentButtons
              own={own}
              canReply={actions.canReply}
              onMode={setMode}
            />
          )}
          {mode === 'confirm-delete' && (
            <div class="actions" role="group" aria-label="Delete this comment?">
              <span>Delete this comment?</span>
              <button
                type="button"
                class="danger"
                onClick={async () => done(await actions.onDelete(comment.id))}
              >
                Delete
              </button>
              <button type="button" onClick={() => setMode('read')}>
                Keep
              </button>
            </div>
          )}
          {mode === 'reply' && (
            <CommentForm
              label={`Reply to ${author}`}
              submitLabel="Reply"
              focusOnOpen
              onSubmit={async (body) =>
                done(await actions.onReply(comment.id, body))
              }
              onCancel={() => setMode('read')}
            />
          )}
        </article>
      )}
      {node.replies.length > 0 && (
        <ul class="comment-list">
          {node.replies.map((reply) => (
            <CommentItem key={reply.comment.id} node={reply} {...actions} />
          ))}
        </ul>
      )}
    </li>
  );
}
