import roaring from 'roaring';
import type { Bitmap } from '../engine/work-index.ts';
import type { TermNode, TextNode } from './ast.ts';

const { RoaringBitmap32 } = roaring;

/** What a text backend brings to the shared walk of the query tree: how to match one term, and how dear a term is. */
export interface TermMatcher {
  /** The works of `acc` that match `t` (`positive`: the term counts towards scores). */
  term(t: TermNode, acc: Bitmap, positive: boolean): Promise<Bitmap>;
  /** A cost to order an AND's terms by, cheapest first. */
  cost(t: TermNode): number;
}

/**
 * Evaluates a parsed text query over the candidate works `acc`, the same way on every backend:
 * NOT subtracts, OR unites, AND narrows term by term (cheapest first, then groups, then
 * exclusions, which only ever remove works) and stops once nothing is left.
 */
export async function evaluateText(m: TermMatcher, n: TextNode, acc: Bitmap, positive: boolean): Promise<Bitmap> {
  if (acc.isEmpty) return new RoaringBitmap32();
  switch (n.kind) {
    case 'term':
      return m.term(n, acc, positive);
    case 'not':
      return RoaringBitmap32.andNot(acc, await evaluateText(m, n.child, acc, !positive));
    case 'or': {
      const parts: Bitmap[] = [];
      for (const c of n.children) parts.push(await evaluateText(m, c, acc, positive));
      return RoaringBitmap32.orMany(parts);
    }
    case 'and': {
      const cost = new Map(n.children.map((c) => [c, c.kind === 'term' ? m.cost(c) : c.kind === 'not' ? 2e300 : 1e300]));
      const ordered = [...n.children].sort((a, b) => cost.get(a)! - cost.get(b)!);
      let cur = acc;
      for (const c of ordered) {
        cur = c.kind === 'not' ? RoaringBitmap32.andNot(cur, await evaluateText(m, c.child, cur, !positive)) : await evaluateText(m, c, cur, positive);
        if (cur.isEmpty) break;
      }
      return cur;
    }
  }
}
