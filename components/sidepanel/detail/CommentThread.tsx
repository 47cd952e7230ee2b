import type { ThreadComment } from '@/utils/models/detail-model';
import { CommentForm } from './CommentForm';
import { CommentItem } from './CommentItem';
import { threadOf } from './thread-tree';

/** Props of CommentThread. */
export interface CommentThreadProps {
  comments: ThreadComment[];
  readerId: string | null;
  /** Comments belong to published clips; feedback before goes in reviews. */
  canComment: boolean;
  now: Date;
  onAdd(body: string, parentId: string | null): Promise<boolean>;
  onEdit(id: string, body: string): Promise<boolean>;
  onDelete(id: string): Promise<boolean>;
}

/**
 * The discussion of a clip: replies nested under their parents, a form
 * for a new comment, and edit and delete on the reader's own comments.
 */
export function CommentThread(props: CommentThreadProps) {
  const { comments, readerId, canComment, now } = props;
  const thread = threadOf(comments);
  const canWrite = canComment && readerId !== null;

  return (
    <section class="comment-thread" aria-labelledby="comments-title">
      <h3 id="comments-title">
        Comments ({comments.filter((c) => !c.deleted).length})
      </h3>
      {thread.length === 0 ? (
        <p class="hint">No comments yet.</p>
      ) : (
        <ul class="comment-list comment-list--top">
          {thread.map((node) => (
            <CommentItem
              key={node.comment.id}
              node={node}
              readerId={readerId}
              canReply={canWrite}
              now={now}
              onReply={(parentId, body) => props.onAdd(body, parentId)}
              onEdit={props.onEdit}
              onDelete={props.onDelete}
            />
          ))}
        </ul>
      )}
      {canWrite ? (
        <CommentForm
          label="Add a comment"
          submitLabel="Comment"
          onSubmit={(body) => props.onAdd(body, null)}
        />
      ) : (
        <p class="hint">
          {canComment
            ? 'Sign in to your workspace to comment.'
            : 'Comments open once the clip is published; until then, ' +
              'feedback goes into its review.'}
        </p>
      )}
    </section>
  );
}
