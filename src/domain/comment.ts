/** Reader comments: statuses and threads. */

/** Moderation statuses (WordPress semantics). */
export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;

/** A comment's moderation status. */
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** Whether a value is a comment status. */
export function isCommentStatus(value: string): value is CommentStatus {
  return (COMMENT_STATUSES as readonly string[]).includes(value);
}

/** Default depth of reply threads (a reply to a reply to a comment). */
export const DEFAULT_THREAD_DEPTH = 3;

/** What a thread needs of a comment. */
export interface ThreadableComment {
  id: number;
  parentId: number | null;
}

/** A comment with its replies. */
export type ThreadNode<T> = T & { replies: ThreadNode<T>[] };

/**
 * Arranges comments (oldest first) into threads. A reply whose parent is not shown
 * (e.g. still pending) goes to the top level; replies deeper than `maxDepth` are attached
 * to the deepest allowed ancestor, so no comment disappears.
 */
export function buildThreads<T extends ThreadableComment>(comments: readonly T[], maxDepth = DEFAULT_THREAD_DEPTH): ThreadNode<T>[] {
  const nodes = new Map<number, ThreadNode<T>>();
  const depth = new Map<number, number>();
  const roots: ThreadNode<T>[] = [];
  for (const comment of comments) nodes.set(comment.id, { ...comment, replies: [] });
  for (const comment of comments) {
    const node = nodes.get(comment.id);
    if (node === undefined) continue;
    let parentId = comment.parentId;
    while (parentId !== null && (depth.get(parentId) ?? Infinity) >= maxDepth) {
      parentId = nodes.get(parentId)?.parentId ?? null;
    }
    const parent = parentId === null ? undefined : nodes.get(parentId);
    if (parent === undefined || !depth.has(parentId ?? -1)) {
      depth.set(comment.id, 1);
      roots.push(node);
    } else {
      depth.set(comment.id, (depth.get(parent.id) ?? 1) + 1);
      parent.replies.push(node);
    }
  }
  return roots;
}
