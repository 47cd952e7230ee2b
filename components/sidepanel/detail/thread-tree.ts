import type { ThreadComment } from '@/utils/models/detail-model';

/** A comment with the replies under it. */
export interface ThreadNode {
  comment: ThreadComment;
  replies: ThreadNode[];
}

/** A deleted comment keeps its place only while replies hang on it. */
function prune(nodes: ThreadNode[]): ThreadNode[] {
  return nodes
    .map((node) => ({ ...node, replies: prune(node.replies) }))
    .filter((node) => !node.comment.deleted || node.replies.length > 0);
}

/**
 * Nests replies under their parents, keeping the given order (oldest
 * first). A reply whose parent is unknown here stays at the top, so no
 * comment is ever hidden.
 */
export function threadOf(comments: ThreadComment[]): ThreadNode[] {
  const nodes = new Map<string, ThreadNode>(
    comments.map((comment) => [comment.id, { comment, replies: [] }]),
  );
  const roots: ThreadNode[] = [];

  for (const node of nodes.values()) {
    const parentId = node.comment.parentId;
    const parent = parentId ? nodes.get(parentId) : undefined;
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }
  return prune(roots);
}
