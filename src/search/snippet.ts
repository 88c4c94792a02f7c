import type { TermNode } from './text/ast.ts';
import { tokenize, type Token } from './text/tokens.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Where the terms occur in a token list: [first token, last token + 1) of each occurrence, with its term. */
function occurrences(tokens: Token[], terms: readonly TermNode[]): { from: number; to: number; term: number }[] {
  const out: { from: number; to: number; term: number }[] = [];
  terms.forEach((t, ti) => {
    const k = t.tokens.length;
    outer: for (let i = 0; i + k <= tokens.length; i++) {
      for (let j = 0; j < k; j++) {
        const got = tokens[i + j]!.term;
        const want = t.tokens[j]!;
        if (j === k - 1 && t.prefix ? !got.startsWith(want) : got !== want) continue outer;
      }
      out.push({ from: i, to: i + k, term: ti });
    }
  });
  return out.sort((a, b) => a.from - b.from || b.to - a.to);
}

/**
 * A highlighted excerpt of plain `text` around the terms: about `width` tokens, placed to show
 * as many different terms as possible (then as many hits, then the earliest). Everything is
 * HTML-escaped; the only markup added is `<mark>` around each hit and "…" where text was cut.
 * Returns null when no term occurs.
 *
 * @example highlight('The sea was <calm>.', [sea]) === 'The <mark>sea</mark> was &lt;calm&gt;.'
 */
export function highlight(text: string, terms: readonly TermNode[], width = 36): string | null {
  const tokens = tokenize(text);
  const hits = occurrences(tokens, terms);
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
  const end = to === tokens.length ? text.length : tokens[to - 1]!.end;
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
  html += escape(text.slice(at, end)) + (end < text.length && to < tokens.length ? '…' : '');
  return html.replace(/\s+/g, ' ').trim();
}
