import { foldName } from '../../src/tags/tag.types.ts';
import { pseudName } from './names.ts';
import { Rng } from './rng.ts';
import { AliasTable } from './sampling.ts';
import type { SeriesRow, SqliteSink } from './sink.ts';
import { TextWriter } from './text.ts';

/**
 * Pen names, Zipf-distributed over works (a few prolific creators, many with one or two works),
 * created on first use; and series (~5% of works), each owned by the creator of its first work.
 */
export class PseudSpace {
  readonly names: string[] = [''];
  private readonly table: AliasTable;
  private readonly byRank = new Map<number, number>();
  private readonly keys = new Set<string>();

  constructor(private readonly seed: string, works: number, private readonly sink: SqliteSink) {
    const size = Math.max(10, Math.round(works / 3));
    const weights = new Float64Array(size);
    for (let r = 1; r <= size; r++) weights[r - 1] = Math.pow(r + 20, -0.7);
    this.table = new AliasTable(weights);
  }

  /** A pen name (id) for a work, by popularity. */
  sample(rng: Rng, createdAt: string): number {
    const rank = this.table.sample(rng);
    let id = this.byRank.get(rank);
    if (id === undefined) {
      const r = Rng.derive(this.seed, 'pseud', rank);
      let name = pseudName(r);
      while (this.keys.has(foldName(name)) || name.length < 2) name = `${name.slice(0, 36)}${r.range(1, 999)}`;
      this.keys.add(foldName(name));
      id = this.names.length;
      this.names.push(name);
      this.byRank.set(rank, id);
      this.sink.pseud({ id, name, name_key: foldName(name), account_id: null, created_at: createdAt });
    }
    return id;
  }

  get count(): number {
    return this.names.length - 1;
  }
}

interface OpenSeries {
  id: number;
  works: number;
}

export class SeriesSpace {
  private readonly rows: SeriesRow[] = [];
  private readonly open = new Map<number, OpenSeries>();
  private readonly titles = new Set<string>();

  constructor(private readonly seed: string, private readonly sink: SqliteSink) {}

  /** Puts work `workId` (by `pseudId`) in a series, continuing the creator's last one 60% of the time. */
  add(rng: Rng, workId: number, pseudId: number, createdAt: string, revisedAt: string): void {
    let s = this.open.get(pseudId);
    if (!s || !rng.chance(0.6)) {
      const id = this.rows.length + 1;
      const writer = new TextWriter('en', Rng.derive(this.seed, 'series', id));
      let title = writer.title();
      for (let n = 2; this.titles.has(foldName(title)); n++) title = `${title.replace(/ \d+$/, '')} ${n}`;
      this.titles.add(foldName(title));
      const summary = rng.chance(0.5) ? writer.paragraph(2, 1250) : '';
      this.rows.push({ id, title, title_key: foldName(title), summary, notes: '', complete: rng.chance(0.4) ? 1 : 0, created_at: createdAt, updated_at: revisedAt });
      s = { id, works: 0 };
      this.open.set(pseudId, s);
    }
    s.works++;
    const row = this.rows[s.id - 1]!;
    if (createdAt < row.created_at) row.created_at = createdAt;
    if (revisedAt > row.updated_at) row.updated_at = revisedAt;
    this.sink.seriesWork(s.id, workId, s.works);
  }

  /** Writes the series rows (their dates are final only once every work is placed). */
  flush(): void {
    for (const row of this.rows) this.sink.series(row);
  }

  get count(): number {
    return this.rows.length;
  }
}
