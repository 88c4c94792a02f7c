/**
 * How many works each fandom gets as a primary fandom (REFERENCE §8, scaled to the archive):
 * the largest fandom holds 4.95% of works (360 k of 7.27 M), the one at rank 200 holds 0.1375%
 * (10 k of 7.27 M), and 5,000 / 7.27 M of the works sit alone in one-work fandoms. Between rank 1
 * and 200 sizes fall as a Zipf law (exponent 0.676, fitted to those two points); past rank 200 the
 * tail falls with the exponent that makes the sizes add up to the number of works, down to 2;
 * then come the one-work fandoms.
 *
 * @example fandomSizes(100_000) // Int32Array [4950, 3097, …, 1, 1], summing to 100 000
 */
const LARGEST_SHARE = 360_000 / 7_270_000;
const RANK200_SHARE = 10_000 / 7_270_000;
const SINGLETON_SHARE = 5_000 / 7_270_000;
const HEAD_EXPONENT = Math.log(LARGEST_SHARE / RANK200_SHARE) / Math.log(200);

export function fandomSizes(works: number): Int32Array {
  if (works < 1) return new Int32Array(0);
  const singles = Math.max(1, Math.round(SINGLETON_SHARE * works));
  const largest = LARGEST_SHARE * works;
  const head: number[] = [];
  for (let r = 1; r <= 200; r++) {
    const s = largest * Math.pow(r, -HEAD_EXPONENT);
    if (s < 2 && r > 1) break;
    head.push(Math.max(s, 1));
  }
  let headSum = head.reduce((a, b) => a + b, 0);
  const room = works - singles;
  if (headSum >= room) {
    // A tiny archive: shrink the head to fit.
    const f = Math.max(room, 1) / headSum;
    for (let i = 0; i < head.length; i++) head[i] = head[i]! * f;
    headSum = head.reduce((a, b) => a + b, 0);
  }
  const last = head[head.length - 1]!;
  const tailFor = (exp: number): number[] => {
    const out: number[] = [];
    for (let r = 1; ; r++) {
      const s = last * Math.pow((head.length + r) / head.length, -exp);
      if (s < 2 || out.length > works) break;
      out.push(s);
    }
    return out;
  };
  const need = room - headSum;
  let tail: number[] = [];
  if (need > 1) {
    let lo = 0.05;
    let hi = 20;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      const sum = tailFor(mid).reduce((a, b) => a + b, 0);
      if (sum > need) lo = mid;
      else hi = mid;
    }
    tail = tailFor(hi);
  }
  const real = [...head, ...tail];
  // Scale to fit exactly (a small archive's tail cannot absorb everything), round by cumulative
  // sums so the total is exact, then add the one-work fandoms.
  const scale = room / real.reduce((a, b) => a + b, 0);
  const sizes: number[] = [];
  let cum = 0;
  let prev = 0;
  for (const s of real) {
    cum += s * scale;
    const next = Math.round(cum);
    if (next - prev >= 1) sizes.push(next - prev);
    prev = next;
  }
  for (let i = 0; i < singles; i++) sizes.push(1);
  const total = sizes.reduce((a, b) => a + b, 0);
  sizes[0] = sizes[0]! + (works - total);
  if (sizes[0]! < 1) return fallback(works);
  return Int32Array.from(sizes.sort((a, b) => b - a));
}
/** For archives of a handful of works: one fandom per work. */
function fallback(works: number): Int32Array {
  return new Int32Array(works).fill(1);
}
