import type { Rng } from './rng.ts';

/**
 * Walker/Vose alias table: draws an index with probability proportional to its weight in O(1),
 * with one random number per draw. Used for every Zipf draw on the hot path.
 *
 * @example new AliasTable([5, 1, 1]).sample(rng) // 0 about 5 times in 7
 */
export class AliasTable {
  readonly size: number;
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (n === 0) throw new Error('AliasTable: no weights');
    this.size = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i]!;
    const scaled = new Float64Array(n);
    for (let i = 0; i < n; i++) scaled[i] = (weights[i]! * n) / total;
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) (scaled[i]! < 1 ? small : large).push(i);
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1;
  }

  sample(rng: Rng): number {
    const x = rng.float() * this.size;
    const i = Math.floor(x);
    return x - i < this.prob[i]! ? i : this.alias[i]!;
  }
}

/** Zipf weights `1 / (rank + q)^s` for ranks 1..n (index 0 is rank 1). */
export function zipfWeights(n: number, s: number, q = 0): Float64Array {
  const w = new Float64Array(n);
  for (let r = 1; r <= n; r++) w[r - 1] = 1 / Math.pow(r + q, s);
  return w;
}

/** A Zipf sampler over ranks 0..n-1, cached by (n, s): many fandoms share the same cast size. */
const zipfCache = new Map<string, AliasTable>();
export function zipfTable(n: number, s: number, q = 0): AliasTable {
  const key = `${n}:${s}:${q}`;
  let t = zipfCache.get(key);
  if (!t) {
    t = new AliasTable(zipfWeights(n, s, q));
    zipfCache.set(key, t);
  }
  return t;
}

/** Picks a key of a small `{ value: weight }` table (weights need not sum to 1). */
export class WeightedChoice<T> {
  private readonly values: T[];
  private readonly table: AliasTable;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = entries.map(([v]) => v);
    this.table = new AliasTable(entries.map(([, w]) => w));
  }

  sample(rng: Rng): T {
    return this.values[this.table.sample(rng)]!;
  }
}
