import type { Field, TermNode } from './ast.ts';

/**
 * FTS5 MATCH expressions for single terms. Only terms reach FTS5 (the boolean structure is
 * evaluated on work bitmaps, so that a work matches `dragon knight` when "dragon" is in its
 * summary and "knight" in chapter 3). Every term is written as one FTS5 string: the text as
 * typed (prepared like indexed text, so FTS5's own tokenizer folds both sides the same way) in
 * double quotes with any quote doubled, an optional `*` for a prefix, and an optional column
 * filter. No character a reader typed is FTS5 syntax.
 */

/** Columns of the metadata table, in order, with their bm25 weights. */
export const META_COLUMNS = ['title', 'creators', 'tags', 'summary', 'notes'] as const;
export type MetaColumn = (typeof META_COLUMNS)[number];
export const META_WEIGHTS: Record<MetaColumn, number> = { title: 10, creators: 6, tags: 4, summary: 2, notes: 1 };

export const FIELD_COLUMN: Record<Field, MetaColumn> = {
  title: 'title', creator: 'creators', tag: 'tags', summary: 'summary', notes: 'notes',
};

/** `"blue sky"` or `"drag"*`: the term as an FTS5 string (phrase when it has several tokens). */
export function ftsString(term: TermNode): string {
  // Quotes are doubled; control characters (a NUL would end the expression early) become spaces.
  const body = term.text.replace(/\p{Cc}/gu, ' ').replace(/"/g, '""');
  return `"${body}"${term.prefix ? ' *' : ''}`;
}

/** The expression for the metadata table: with a column filter when the term has a field. */
export function metaMatch(term: TermNode): string {
  const s = ftsString(term);
  return term.field ? `${FIELD_COLUMN[term.field]} : ${s}` : s;
}

/** The expression for the chapter table, or null for fielded terms (they never match chapter text). */
export function chapterMatch(term: TermNode): string | null {
  return term.field ? null : ftsString(term);
}
