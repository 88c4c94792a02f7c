/**
 * Sort keys kept in memory. Titles sort without case, accents, leading punctuation or a leading
 * English article ("The Raven" sorts as "raven"); creators by their folded pen names in order.
 * Dates are `yyyymmdd` numbers, so they compare and range like days.
 */
export function titleSortKey(title: string): string {
  let t = title.toLowerCase();
  if (/[^\x00-\x7f]/.test(t)) t = t.normalize('NFKD').replace(/\p{M}/gu, '');
  return t.replace(/^[^\p{L}\p{N}]+/u, '').replace(/^(the|an|a)\s+/, '');
}

/** Creators' folded names, first creator first, separated so that "ann" < "ann, bo" < "anna". */
export function creatorSortKey(nameKeys: readonly string[]): string {
  return nameKeys.join('\u0001');
}

/** `dayNumber('2024-05-31') === 20240531`; 0 for anything else. */
export function dayNumber(date: string | null | undefined): number {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return 0;
  return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}
