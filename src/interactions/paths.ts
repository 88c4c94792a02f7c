/**
 * Site-relative addresses of what notices and digests point to. They match the web routes
 * (src/web/views/format.ts builds the same for pages).
 */

export function workPath(workId: number): string {
  return `/works/${workId}`;
}

export function chapterPath(workId: number, position: number): string {
  return `/works/${workId}/chapters/${position}`;
}

/** Where a comment is shown: on its chapter's page, or on the entire work for a comment on the whole work. */
export function commentPath(workId: number, chapterPosition: number | null, commentId: number): string {
  return `${chapterPosition === null ? `${workPath(workId)}?view=full` : chapterPath(workId, chapterPosition)}#comment-${commentId}`;
}

export function seriesPath(seriesId: number): string {
  return `/series/${seriesId}`;
}

export function creatorPath(name: string): string {
  return `/creators/${encodeURIComponent(name)}`;
}
