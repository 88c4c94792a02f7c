import type { TermNode } from './text/ast.ts';
import { tokenStream, type Token } from './text/tokens.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

type Hit = { from: number; to: number; term: number };

/** Whether term `t` ends at token `i` of `tokens`. */
function endsAt(tokens: Token[], i: number, t: TermNode): boolean {
  const k = t.tokens.length;
  if (i + 1 < k) return false;
  for (let j = 0; j < k; j++) {
    const got = tokens[i + 1 - k + j]!.term;
    const want = t.tokens[j]!;
    if (j === k - 1 && t.prefix ? !got.startsWith(want) : got !== want) return false;
  }
  return true;
}

/**
 * Tokens and hits, read lazily: once every term has been seen and two windows more have been
 * read (or after 100 hits), the rest of a long chapter is not tokenized.
 */
function scan(text: string, terms: readonly TermNode[], width: number): { tokens: Token[]; hits: Hit[]; complete: boolean } {
  const tokens: Token[] = [];
  const hits: Hit[] = [];
  const seen = new Set<number>();
  let lastNew = -1;
  for (const token of tokenStream(text)) {
    const i = tokens.push(token) - 1;
    terms.forEach((t, ti) => {
      if (!endsAt(tokens, i, t)) return;
      hits.push({ from: i + 1 - t.tokens.length, to: i + 1, term: ti });
      if (!seen.has(ti)) { seen.add(ti); lastNew = i; }
    });
    if (hits.length >= 100 || (seen.size === terms.length && i - lastNew > 2 * width)) return { tokens, hits: hits.sort((a, b) => a.from - b.from || b.to - a.to), complete: false };
  }
  return { tokens, hits: hits.sort((a, b) => a.from - b.from || b.to - a.to), complete: true };
}

/**
 * A highlighted excerpt of plain `text` around the terms: about `width` tokens, placed to show
 * as many different terms as possible (then as many hits, then the earliest). Everything is
 * HTML-escaped; the only markup added is `<mark>` around each hit and "…" where text was cut.
 * Returns null when no term occurs. `more`: `text` is the beginning of a longer text (a window
 * that reaches its end is marked as cut).
 *
 * @example highlight('The sea was <calm>.', [sea]) === 'The <mark>sea</mark> was &lt;calm&gt;.'
 */
export function highlight(text: string, terms: readonly TermNode[], width = 36, more = false): string | null {
  const scanned = scan(text, terms, width);
  const { tokens, hits } = scanned;
  const complete = scanned.complete && !more;
  if (hits.length === 0) return null;
  const lead = Math.floor(width / 4);
  let best = { from: 0, score: -1 };
  // Slide a window over the hits (sorted by position): j0..j1 are the hits inside it.
  const perTerm = new Array<number>(terms.length).fill(0);
  let distinct = 0;
  let j0 = 0;
  let j1 = 0;
  for (const h of hits) {
    const from = Math.max(0, Math.min(h.from - lead, tokens.length - width));
    for (; j1 < hits.length && hits[j1]!.from < from + width; j1++) if (perTerm[hits[j1]!.term]!++ === 0) distinct++;
    for (; j0 < j1 && hits[j0]!.from < from; j0++) if (--perTerm[hits[j0]!.term]! === 0) distinct--;
    const score = distinct * 1_000_000 + (j1 - j0);
    if (score > best.score) best = { from, score };
  }
  const to = Math.min(tokens.length, best.from + width);
  const start = best.from === 0 ? 0 : tokens[best.from]!.start;
  const end = to === tokens.length && complete ? text.length : tokens[to - 1]!.end;
  let html = best.from === 0 ? '' : '…';
  let at = start;
  let lastEnd = -1;
  for (const h of hits) {
    if (h.from < best.from || h.to > to || h.from < lastEnd) continue;
    const a = tokens[h.from]!.start;
    const b = tokens[h.to - 1]!.end;
    html += escape(text.slice(at, a)) + '<mark>' + escape(text.slice(a, b)) + '</mark>';
    at = b;
    lastEnd = h.to;
  }
  html += escape(text.slice(at, end)) + ((end < text.length || more) && (to < tokens.length || !complete) ? '…' : '');
  return html.replace(/\s+/g, ' ').trim();
}
