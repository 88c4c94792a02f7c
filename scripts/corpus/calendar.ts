import type { Rng } from './rng.ts';

const DAY_MS = 86_400_000;

/**
 * Dates of the synthetic archive: fifteen years ending the day before `until`, with more works in
 * later years (the density of publication days grows linearly, as archives grow). All days are
 * integers (days since 1970-01-01) until they are written out.
 */
export class Calendar {
  readonly first: number;
  readonly last: number;
  private readonly cache = new Map<number, string>();

  constructor(until: string, years = 15) {
    const end = Math.floor(Date.parse(`${until}T00:00:00Z`) / DAY_MS);
    this.last = end - 1;
    this.first = end - Math.round(years * 365.25);
  }

  /** A publication day, later days more likely. */
  published(rng: Rng): number {
    return this.first + Math.floor(Math.sqrt(rng.float()) * (this.last - this.first + 1));
  }

  /** `day` plus a log-normal delay, never past the last day. */
  later(rng: Rng, day: number, medianDays: number): number {
    return Math.min(this.last, day + Math.max(1, Math.round(rng.logNormal(medianDays, 1))));
  }

  /** `YYYY-MM-DD`. */
  day(n: number): string {
    let s = this.cache.get(n);
    if (s === undefined) {
      s = new Date(n * DAY_MS).toISOString().slice(0, 10);
      this.cache.set(n, s);
    }
    return s;
  }

  /** An ISO timestamp on day `n`, at `seconds` after midnight. */
  stamp(n: number, seconds: number): string {
    return new Date(n * DAY_MS + Math.floor(seconds) * 1000).toISOString();
  }
}
