import { QuireError } from '../../errors.ts';
import { FIELD_ALIASES, type Field, type TermNode, type TextNode } from './ast.ts';
import { isUnitToken, prepareForIndex, terms } from './tokens.ts';

/**
 * The readers' query language, parsed by hand into a TextNode tree (see docs/search.md):
 *
 *   dragon knight          both words (anywhere in the work: metadata or any chapter)
 *   "blue lantern"         the phrase
 *   drag*                  a word starting with "drag" (at least two letters before the *)
 *   -vampire  NOT vampire  without the word
 *   knight OR paladin      either (OR binds tighter than the implicit AND: `a b OR c` = a AND (b OR c))
 *   (a b) OR c             grouping
 *   title:sea  creator:ann  summary:  notes:  tag:   restrict a word, phrase or group to one field
 *
 * Punctuation that is not syntax is a word separator, exactly as in the index, so nothing a reader
 * types ever reaches FTS5 as syntax: every term becomes a quoted FTS5 string (fts-expr.ts).
 */
export const TEXT_LIMITS = { chars: 1000, terms: 32, depth: 8 } as const;

type Lexeme =
  | { t: 'word'; text: string; prefix: boolean }
  | { t: 'phrase'; text: string; prefix: boolean }
  | { t: 'field'; field: Field }
  | { t: '(' } | { t: ')' } | { t: 'neg' } | { t: 'or' };

function bad(message: string): QuireError {
  return new QuireError('bad_request', `search query: ${message}`);
}

function lex(q: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '"') {
      const close = q.indexOf('"', i + 1);
      if (close < 0) throw bad('a quoted phrase is never closed; add the closing "');
      const prefix = q[close + 1] === '*';
      out.push({ t: 'phrase', text: q.slice(i + 1, close), prefix });
      i = close + (prefix ? 2 : 1);
      continue;
    }
    if (c === '(' || c === ')') { out.push({ t: c }); i++; continue; }
    if (c === '-' && (q[i + 1] === '"' || q[i + 1] === '(')) { out.push({ t: 'neg' }); i++; continue; }
    let j = i;
    while (j < q.length && !/[\s"()]/.test(q[j]!)) j++;
    lexWord(q.slice(i, j), out);
    i = j;
  }
  return out;
}

function lexWord(raw: string, out: Lexeme[]): void {
  let word = raw;
  if (word === 'OR') { out.push({ t: 'or' }); return; }
  if (word === 'AND') return;
  if (word === 'NOT') { out.push({ t: 'neg' }); return; }
  if (word.length > 1 && word[0] === '-') { out.push({ t: 'neg' }); word = word.slice(1); }
  const m = /^([A-Za-z]+):(.*)$/s.exec(word);
  const field = m ? FIELD_ALIASES[m[1]!.toLowerCase()] : undefined;
  if (m && field) {
    out.push({ t: 'field', field });
    word = m[2]!;
  }
  if (word === '') return;
  const prefix = word.endsWith('*');
  out.push({ t: 'word', text: word.replace(/\*+$/, ''), prefix });
}

class Parser {
  private pos = 0;
  constructor(private readonly lexemes: Lexeme[]) {}

  parse(): TextNode | null {
    const root = this.and(0, null);
    if (this.peek()?.t === ')') throw bad('a ) has no matching (');
    return root;
  }

  private peek(): Lexeme | undefined {
    return this.lexemes[this.pos];
  }

  private and(depth: number, field: Field | null): TextNode | null {
    const children: (TextNode | null)[] = [];
    for (let l = this.peek(); l && l.t !== ')'; l = this.peek()) {
      if (l.t === 'or') { this.pos++; continue; } // a stray OR joins nothing
      children.push(this.or(depth, field));
    }
    return combine('and', children);
  }

  private or(depth: number, field: Field | null): TextNode | null {
    const children = [this.unary(depth, field)];
    while (this.peek()?.t === 'or') {
      this.pos++;
      const next = this.peek();
      if (!next || next.t === ')' || next.t === 'or') break;
      children.push(this.unary(depth, field));
    }
    return combine('or', children);
  }

  private unary(depth: number, field: Field | null): TextNode | null {
    const l = this.peek();
    if (!l || l.t === ')' || l.t === 'or') return null;
    this.pos++;
    switch (l.t) {
      case 'neg': {
        const inner = this.unary(depth, field);
        if (!inner) return null;
        return inner.kind === 'not' ? inner.child : { kind: 'not', child: inner };
      }
      case 'field':
        return this.unary(depth, l.field);
      case 'word':
      case 'phrase':
        return term(l.text, l.prefix, field);
      case '(': {
        if (depth + 1 > TEXT_LIMITS.depth) throw bad(`parentheses are nested more than ${TEXT_LIMITS.depth} deep`);
        const inner = this.and(depth + 1, field);
        if (this.peek()?.t !== ')') throw bad('a ( is never closed; add the closing )');
        this.pos++;
        return inner;
      }
    }
  }
}

function term(text: string, prefix: boolean, field: Field | null): TermNode | null {
  const tokens = terms(text);
  const last = tokens[tokens.length - 1];
  if (last === undefined) return null;
  if (prefix && isUnitToken(last)) prefix = false;
  if (prefix && [...last].length < 2) throw bad(`"${text}*": a prefix search needs at least two letters before the *`);
  return { kind: 'term', field, tokens, text: prepareForIndex(text).trim(), prefix };
}

function combine(kind: 'and' | 'or', nodes: (TextNode | null)[]): TextNode | null {
  const flat: TextNode[] = [];
  for (const n of nodes) {
    if (!n) continue;
    if (n.kind === kind) flat.push(...n.children);
    else flat.push(n);
  }
  if (flat.length === 0) return null;
  return flat.length === 1 ? flat[0]! : { kind, children: flat };
}

function countTerms(node: TextNode): number {
  if (node.kind === 'term') return 1;
  if (node.kind === 'not') return countTerms(node.child);
  return node.children.reduce((n, c) => n + countTerms(c), 0);
}

/**
 * Parses a reader's query. Returns null when there is nothing to search for (empty, or only
 * punctuation). Throws `bad_request` for an unclosed quote or parenthesis, a one-letter prefix,
 * more than 1,000 characters or more than 32 terms.
 *
 * @example showNode(parseText('title:sea -storm "blue sky"')!) === '(and title:"sea" (not "storm") "blue sky")'
 */
export function parseText(q: string): TextNode | null {
  if (q.length > TEXT_LIMITS.chars) throw bad(`it is ${q.length} characters long; the limit is ${TEXT_LIMITS.chars}`);
  const root = new Parser(lex(q)).parse();
  if (root) {
    const n = countTerms(root);
    if (n > TEXT_LIMITS.terms) throw bad(`it has ${n} terms; the limit is ${TEXT_LIMITS.terms}`);
  }
  return root;
}
