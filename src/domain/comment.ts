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
 * to the deepest allowed ancestor, so no comment disappears. A reply listed before its
 * parent (clocks of two servers disagreeing) still lands under it.
 */
export function buildThreads<T extends ThreadableComment>(comments: readonly T[], maxDepth = DEFAULT_THREAD_DEPTH): ThreadNode<T>[] {
  const nodes = new Map<number, ThreadNode<T>>();
  for (const comment of comments) nodes.set(comment.id, { ...comment, replies: [] });
  const rawParent = (id: number): number | null => {
    const parentId = nodes.get(id)?.parentId ?? null;
    return parentId !== null && nodes.has(parentId) ? parentId : null;
  };
  // Comments on a loop of parents (bad data) are put at the top level rather than lost.
  const cyclic = new Set<number>();
  const checked = new Set<number>();
  for (const id of nodes.keys()) {
    const path: number[] = [];
    const onPath = new Set<number>();
    let at: number | null = id;
    while (at !== null && !checked.has(at)) {
      if (onPath.has(at)) {
        for (const member of path.slice(path.indexOf(at))) cyclic.add(member);
        break;
      }
      path.push(at);
      onPath.add(at);
      at = rawParent(at);
    }
    for (const member of path) checked.add(member);
  }
  // The shown parent of each comment (its own parent, or the top level when that is not shown).
  const parentOf = (id: number): number | null => (cyclic.has(id) ? null : rawParent(id));
  // Depth of each comment, and the comment a reply to it hangs under (itself while it may
  // take replies, else its nearest ancestor that may): both memoised and iterative, so long
  // reply chains cost linear time and no deep recursion.
  const depth = new Map<number, number>();
  const anchor = new Map<number, number | null>();
  const resolve = (id: number): void => {
    const pending: number[] = [];
    for (let at: number | null = id; at !== null && !depth.has(at); at = parentOf(at)) pending.push(at);
    for (let i = pending.length - 1; i >= 0; i--) {
      const node = pending[i]!;
      const parentId = parentOf(node);
      const value = parentId === null ? 1 : (depth.get(parentId) ?? 0) + 1;
      depth.set(node, value);
      anchor.set(node, value < maxDepth ? node : parentId === null ? null : (anchor.get(parentId) ?? null));
    }
  };
  const roots: ThreadNode<T>[] = [];
  for (const comment of comments) {
    const node = nodes.get(comment.id);
    if (node === undefined) continue;
    const parentId = parentOf(comment.id);
    if (parentId !== null) resolve(parentId);
    const hangUnder = parentId === null ? null : (anchor.get(parentId) ?? null);
    const parent = hangUnder === null ? undefined : nodes.get(hangUnder);
    if (parent === undefined) roots.push(node);
    else parent.replies.push(node);
  }
  return roots;
}

/** What a moderator can do to a comment's status. */
export const MODERATION_ACTIONS = ['approve', 'unapprove', 'spam', 'trash', 'restore'] as const;

/** A moderation action. */
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** Whether a value is a moderation action. */
export function isModerationAction(value: string): value is ModerationAction {
  return (MODERATION_ACTIONS as readonly string[]).includes(value);
}

/** Where a comment goes: its new status and the status "restore" will bring back. */
export interface ModerationOutcome {
  status: CommentStatus;
  previousStatus: CommentStatus | null;
}

/**
 * The moderation state machine (WordPress semantics): approve and unapprove move between
 * pending and approved; spam and trash remember where the comment was so that "restore"
 * brings it back there (a comment flagged as spam on arrival goes back to pending).
 * Returns undefined when the action does not apply to the current status.
 */
export function moderate(current: CommentStatus, previous: CommentStatus | null, action: ModerationAction): ModerationOutcome | undefined {
  switch (action) {
    case 'approve':
      return current === 'pending' ? { status: 'approved', previousStatus: null } : undefined;
    case 'unapprove':
      return current === 'approved' ? { status: 'pending', previousStatus: null } : undefined;
    case 'spam':
      return current === 'pending' || current === 'approved' ? { status: 'spam', previousStatus: current } : undefined;
    case 'trash':
      return current === 'trash' ? undefined : { status: 'trash', previousStatus: current };
    case 'restore': {
      if (current !== 'spam' && current !== 'trash') return undefined;
      // Trash keeps a spam verdict (restore from trash goes back to spam); spam never restores to spam.
      const back = previous ?? 'pending';
      return { status: current === 'spam' && back === 'spam' ? 'pending' : back, previousStatus: null };
    }
  }
}

/**
 * The status of a new public comment: blocklisted → spam; otherwise approved when the same
 * email already has an approved comment (WordPress "comment author must have a previously
 * approved comment"), else held for moderation.
 */
export function arrivalStatus(flaggedAsSpam: boolean, knownCommenter: boolean): CommentStatus {
  if (flaggedAsSpam) return 'spam';
  return knownCommenter ? 'approved' : 'pending';
}

/** What deciding whether comments are open needs of an article. */
export interface CommentableArticle {
  commentsOpen: boolean;
  publishedAt: number | null;
}

/** Whether readers may comment now: open on the article and, if set, not older than `closeAfterDays`. */
export function commentsAreOpen(article: CommentableArticle, closeAfterDays: number, now: number): boolean {
  if (!article.commentsOpen) return false;
  if (closeAfterDays <= 0 || article.publishedAt === null) return true;
  return now - article.publishedAt <= closeAfterDays * 86_400_000;
}
