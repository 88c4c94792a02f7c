import type { Evidence } from './suggest.types.ts';
import type { Tokens } from './tokenize.ts';

/** Characters of context kept on each side of the matched words. */
const CONTEXT = 60;
/** Longest excerpt, before marks and ellipses. */
const MAX_EXCERPT = 240;

/**
 * Builds one evidence item. `spans` are character spans in `t.text`; the first one is the
 * reported offset, and every span that fits in the excerpt is marked «like this».
 *
 * @example evidence(t, 1, [{ start: 4, end: 9 }], 'character') → { offset: 4, excerpt: 'The «Lizzy» laughed…' }
 */
export function evidence(t: Tokens, chapter: number, spans: readonly { start: number; end: number }[], reason?: string): Evidence {
  const text = t.text;
  const first = spans[0]!;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // Around all the marked words if they fit, else around the first; within their paragraphs.
  let lo = sorted[0]!.start;
  let hi = Math.max(...sorted.map((x) => x.end));
  if (hi - lo + 2 * CONTEXT > MAX_EXCERPT) [lo, hi] = [first.start, first.end];
  let from = Math.max(0, lo - CONTEXT, text.lastIndexOf('\n', lo - 1) + 1);
  const lineEnd = text.indexOf('\n', hi);
  let to = Math.min(text.length, hi + CONTEXT, lineEnd === -1 ? text.length : lineEnd);
  from = snapStart(text, from, first.start);
  to = snapEnd(text, to, first.end);
  const inside = sorted.filter((s) => s.start >= from && s.end <= to);
  let out = '';
  let at = from;
  for (const s of inside) {
    if (s.start < at) continue; // overlapping spans: keep the first
    out += text.slice(at, s.start) + '«' + text.slice(s.start, s.end) + '»';
    at = s.end;
  }
  out += text.slice(at, to);
  const cutBefore = from > 0 && text[from - 1] !== '\n';
  const cutAfter = to < text.length && text[to] !== '\n';
  const excerpt = (cutBefore ? '…' : '') + out.replace(/\s+/g, ' ').trim() + (cutAfter ? '…' : '');
  const item: Evidence = { chapter, offset: first.start, length: first.end - first.start, match: text.slice(first.start, first.end), excerpt };
  if (reason !== undefined) item.reason = reason;
  return item;
}

/** Evidence for a token range `[from, to)` plus other token ranges to mark. */
export function tokenEvidence(t: Tokens, chapter: number, ranges: readonly [number, number][], reason?: string): Evidence {
  return evidence(t, chapter, ranges.map(([a, b]) => ({ start: t.starts[a]!, end: t.ends[b - 1]! })), reason);
}

function snapStart(text: string, from: number, limit: number): number {
  if (from === 0 || text[from - 1] === '\n') return from;
  const space = text.indexOf(' ', from);
  return space !== -1 && space < limit ? space + 1 : from;
}

function snapEnd(text: string, to: number, limit: number): number {
  if (to >= text.length || text[to] === '\n') return Math.min(to, text.length);
  const space = text.lastIndexOf(' ', to);
  return space > limit ? space : to;
}
