import type { SortDirection } from '../query.ts';
import type { Comparator } from './sort-order.ts';
import type { Bitmap, OrderKey, WorkIndex } from './work-index.ts';

/**
 * One page of a result set in a sort order. For a broad result, walk the precomputed order and
 * keep members of the result (the expected walk is page end × all works / result size); for a
 * narrow one (up to `sortBelow` works), or a deep page, sort just the result. A walk that proves
 * much longer than expected (a result clustered far down the order, its members spread thin
 * there) gives up once it has passed about as many works as sorting would cost (n log2 n
 * non-members, and at least 4 times the expected walk), and the result is sorted.
 */
export function pageByKey(index: WorkIndex, result: Bitmap, key: OrderKey, dir: SortDirection, offset: number, limit: number, sortBelow = 2000): number[] {
  const n = result.size;
  if (offset >= n || limit <= 0) return [];
  const walk = ((offset + limit) * index.size) / n;
  const sort = n * Math.log2(n + 1) * 4;
  const sorted = () => topK(result.toUint32Array(), offset + limit, index.comparator(key, dir)).slice(offset);
  if (n <= sortBelow || (sortBelow > 0 && sort < walk)) return sorted();
  return index.order(key, dir).page(result, offset, limit, sortBelow > 0 ? Math.max(sort / 4, 4 * walk) : Infinity) ?? sorted();
}

/** Best match first (`desc`; `asc` reverses), ties by id descending. */
export function pageByScore(result: Bitmap, scores: Float64Array, dir: SortDirection, offset: number, limit: number): number[] {
  if (offset >= result.size || limit <= 0) return [];
  const sign = dir === 'desc' ? 1 : -1;
  const cmp: Comparator = (a, b) => sign * ((scores[b] ?? 0) - (scores[a] ?? 0)) || b - a;
  return topK(result.toUint32Array(), offset + limit, cmp).slice(offset);
}

/**
 * The first `k` of `ids` under `cmp`, in order: a bounded max-heap (O(n log k)) when k is small
 * against n, else a full sort.
 */
export function topK(ids: Uint32Array, k: number, cmp: Comparator): number[] {
  if (k <= 0) return [];
  if (k >= ids.length / 8) return Array.from(ids).sort(cmp).slice(0, k);
  const heap: number[] = []; // the k best so far; heap[0] is the worst of them
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (cmp(heap[i]!, heap[parent]!) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && cmp(heap[l]!, heap[worst]!) > 0) worst = l;
      if (r < heap.length && cmp(heap[r]!, heap[worst]!) > 0) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (const id of ids) {
    if (heap.length < k) {
      heap.push(id);
      up(heap.length - 1);
    } else if (cmp(id, heap[0]!) < 0) {
      heap[0] = id;
      down(0);
    }
  }
  return heap.sort(cmp);
}
