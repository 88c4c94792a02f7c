import type { Tokens } from './tokenize.ts';

/**
 * A dictionary of phrases (sequences of folded tokens) found in a token stream by longest match.
 * Look-ups are one Map probe per token: only tokens that start some phrase try longer keys.
 * This is how names and word lists are matched: built once, no per-phrase scan of the text.
 */
export class PhraseTable<T> {
  private readonly entries = new Map<string, T>();
  /** First token → length of the longest phrase starting with it. */
  private readonly longest = new Map<string, number>();

  /** Number of phrases. */
  get size(): number {
    return this.entries.size;
  }

  /** Adds a phrase; when it is already there, `merge` decides the stored value (default: replace). */
  add(keys: readonly string[], value: T, merge?: (old: T, value: T) => T): void {
    if (keys.length === 0) return;
    const key = keys.join(' ');
    const old = this.entries.get(key);
    this.entries.set(key, old !== undefined && merge ? merge(old, value) : value);
    const first = keys[0]!;
    this.longest.set(first, Math.max(this.longest.get(first) ?? 0, keys.length));
  }

  /** The value stored for exactly this phrase. */
  get(keys: readonly string[]): T | undefined {
    return this.entries.get(keys.join(' '));
  }

  /**
   * Every longest, non-overlapping match, left to right. A phrase never spans two paragraphs.
   * `accept` can refuse a match (for example a common word written in lower case); a shorter
   * phrase at the same place is then tried.
   */
  *scan(t: Tokens, accept?: (value: T, from: number, to: number) => boolean): Generator<{ from: number; to: number; value: T }> {
    const { keys, paragraph } = t;
    for (let i = 0; i < t.length; i++) {
      const max = this.longest.get(keys[i]!);
      if (max === undefined) continue;
      let found: { from: number; to: number; value: T } | undefined;
      for (let len = Math.min(max, t.length - i); len >= 1 && !found; len--) {
        if (len > 1 && paragraph[i + len - 1] !== paragraph[i]) continue;
        const value = this.entries.get(len === 1 ? keys[i]! : keys.slice(i, i + len).join(' '));
        if (value !== undefined && (!accept || accept(value, i, i + len))) found = { from: i, to: i + len, value };
      }
      if (found) {
        yield found;
        i = found.to - 1;
      }
    }
  }
}
