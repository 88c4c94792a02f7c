/**
 * The text query after parsing: a tree of terms joined by AND, OR and NOT. Every term is a
 * phrase of one or more folded tokens (a single word is a phrase of one token; a CJK word is a
 * phrase of its characters), optionally a prefix and optionally restricted to one field.
 */
export const FIELDS = ['title', 'creator', 'summary', 'notes', 'tag'] as const;
export type Field = (typeof FIELDS)[number];

/** Accepted spellings of the fields: `author:` and `by:` mean `creator:`, `tags:` means `tag:`. */
export const FIELD_ALIASES: Record<string, Field> = {
  title: 'title', creator: 'creator', creators: 'creator', author: 'creator', by: 'creator',
  summary: 'summary', notes: 'notes', note: 'notes', tag: 'tag', tags: 'tag',
};

export interface TermNode {
  kind: 'term';
  /** null: any field and the chapter text. */
  field: Field | null;
  /** Folded tokens, in order; never empty (for the in-memory matcher and the highlighter). */
  tokens: string[];
  /** The text as typed, prepared as indexed text is (NFKC, CJK spaced): what FTS5 tokenizes. */
  text: string;
  /** The last token is a prefix (`drag*`). */
  prefix: boolean;
}

export interface AndNode {
  kind: 'and';
  children: TextNode[];
}

export interface OrNode {
  kind: 'or';
  children: TextNode[];
}

export interface NotNode {
  kind: 'not';
  child: TextNode;
}

export type TextNode = TermNode | AndNode | OrNode | NotNode;

/** Every term of the tree, with whether it counts for the work (false under an odd number of NOTs). */
export function leaves(node: TextNode, positive = true, out: { term: TermNode; positive: boolean }[] = []): { term: TermNode; positive: boolean }[] {
  switch (node.kind) {
    case 'term':
      out.push({ term: node, positive });
      break;
    case 'not':
      leaves(node.child, !positive, out);
      break;
    default:
      for (const c of node.children) leaves(c, positive, out);
  }
  return out;
}

/** The terms that make a work match (not under NOT): they are scored and highlighted. */
export function positiveTerms(node: TextNode | null): TermNode[] {
  return node ? leaves(node).filter((l) => l.positive).map((l) => l.term) : [];
}

/** A compact, stable rendering for tests and logs: `(and title:"dark" (or "sea" "sky"*) (not "storm"))`. */
export function showNode(node: TextNode): string {
  switch (node.kind) {
    case 'term':
      return `${node.field ? `${node.field}:` : ''}"${node.tokens.join(' ')}"${node.prefix ? '*' : ''}`;
    case 'not':
      return `(not ${showNode(node.child)})`;
    default:
      return `(${node.kind} ${node.children.map(showNode).join(' ')})`;
  }
}
