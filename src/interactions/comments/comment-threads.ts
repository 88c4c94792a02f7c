import type { Comment, CommentNode } from './comment.types.ts';

/**
 * Builds the threads a viewer sees from a work's comments (oldest first): `visible` decides
 * for each comment (pending ones are for creators and their author only); a deleted comment
 * stays as a placeholder while it has visible replies, and is left out otherwise. `frozen` on a
 * node is inherited from its ancestors.
 */
export function buildThreads(comments: readonly Comment[], visible: (c: Comment) => boolean): CommentNode[] {
  const children = new Map<number | null, Comment[]>();
  const ids = new Set(comments.map((c) => c.id));
  for (const c of comments) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  const build = (c: Comment, frozenAbove: boolean): CommentNode | null => {
    if (!c.deleted && !visible(c)) return null;
    const frozen = frozenAbove || c.frozen;
    const replies = (children.get(c.id) ?? []).flatMap((r) => build(r, frozen) ?? []);
    if (c.deleted && replies.length === 0) return null;
    return { comment: c, frozen, replies };
  };
  return (children.get(null) ?? []).flatMap((c) => build(c, false) ?? []);
}

/** How many comments the threads hold (placeholders of deleted ones left out). */
export function countComments(nodes: readonly CommentNode[]): number {
  let n = 0;
  for (const node of nodes) n += (node.comment.deleted ? 0 : 1) + countComments(node.replies);
  return n;
}

/** Finds a comment's node in the threads. */
export function findNode(nodes: readonly CommentNode[], id: number): CommentNode | undefined {
  for (const node of nodes) {
    if (node.comment.id === id) return node;
    const found = findNode(node.replies, id);
    if (found) return found;
  }
  return undefined;
}
