import fs from 'node:fs';
import path from 'node:path';
import { QuireError } from '../../src/errors.ts';
import { openStore } from '../../src/store/store.ts';
import { Calendar } from './calendar.ts';
import { CastSpace } from './cast.ts';
import { PseudSpace, SeriesSpace } from './creators.ts';
import { giantCount } from './distributions.ts';
import { FandomSpace } from './fandoms.ts';
import { FreeformSpace } from './freeforms.ts';
import { rebuildSearchIndex } from './reindex.ts';
import { Rng } from './rng.ts';
import { SqliteSink } from './sink.ts';
import { SynonymSpace } from './synonyms.ts';
import { TagRegistry } from './tag-registry.ts';
import { writeChapters, type TextMode } from './text-phase.ts';
import { TextPlan } from './text-plan.ts';
import { WorkFactory, createFixedTags } from './works.ts';

export type { TextMode };

export interface CorpusOptions {
  works: number;
  dataDir: string;
  seed: string;
  text: TextMode;
  /** Replace an existing quire.db in dataDir. */
  force?: boolean;
  /** The day after the archive's last day, `YYYY-MM-DD` (fixed, so output does not depend on today). */
  until?: string;
  /** Build the full-text index afterwards with the search engine's `reindexAll` (default true). */
  reindex?: boolean;
}

export type Phase = 'tags' | 'works' | 'text' | 'indexes' | 'search';

export interface CorpusSummary {
  works: number;
  chapters: number;
  tags: number;
  synonyms: number;
  tagAssignments: number;
  filterTaggings: number;
  pseuds: number;
  series: number;
  /** Sum of works.word_count (the synthetic lengths). */
  words: number;
  /** Words of generated body text. */
  textWords: number;
  worksWithText: number;
  /** Database size once the rows are loaded, before the full-text index. */
  rowsBytes: number;
  /** Final size (with the full-text index if it was built). */
  dbBytes: number;
  seconds: number;
  phaseSeconds: Record<Phase, number>;
  /** Whether the full-text index was built (if not, run `quire reindex`). */
  reindexed: boolean;
}

export const DEFAULT_UNTIL = '2026-01-01';
const WORKS_PER_COMMIT = 10_000;

/**
 * Generates a synthetic archive of `works` works into `dataDir/quire.db`, deterministically from
 * the seed: the same options give byte-identical table contents. See docs/corpus.md.
 */
export async function generateCorpus(opts: CorpusOptions, onProgress: (phase: Phase, done: number, total: number) => void = () => {}): Promise<CorpusSummary> {
  const started = performance.now();
  const file = path.join(opts.dataDir, 'quire.db');
  if (fs.existsSync(file)) {
    if (!opts.force) throw new QuireError('conflict', `${file} already exists; choose another --data directory or pass --force to replace it`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
  const until = opts.until ?? DEFAULT_UNTIL;
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until)) || until > tomorrow) {
    throw new QuireError('bad_request', `--until ${until}: must be a date (YYYY-MM-DD) no later than tomorrow, so no work is dated in the future`);
  }

  const store = await openStore({ dataDir: opts.dataDir });
  const phaseSeconds: Record<Phase, number> = { tags: 0, works: 0, text: 0, indexes: 0, search: 0 };
  let mark = performance.now();
  const lap = (phase: Phase): void => {
    const now = performance.now();
    phaseSeconds[phase] = (now - mark) / 1000;
    mark = now;
  };
  let open = true;
  try {
    const sink = new SqliteSink(store.sqlite!);
    const { seed, works } = opts;
    const calendar = new Calendar(until);
    const epoch = calendar.stamp(calendar.first, 0);

    onProgress('tags', 0, 1);
    const registry = new TagRegistry(sink);
    const fixed = createFixedTags(registry, epoch);
    const fandoms = new FandomSpace(seed, works, registry, epoch);
    const freeforms = new FreeformSpace(seed, works, registry, epoch);
    const spaces = {
      registry, fandoms, freeforms, calendar,
      cast: new CastSpace(seed, fandoms, registry),
      synonyms: new SynonymSpace(registry),
      pseuds: new PseudSpace(seed, works, sink),
      series: new SeriesSpace(seed, sink),
    };
    sink.checkpoint();
    onProgress('tags', 1, 1);
    lap('tags');

    const rng = Rng.derive(seed, 'works');
    const giants = new Set<number>();
    const giantRng = Rng.derive(seed, 'giants');
    while (giants.size < giantCount(works)) giants.add(giantRng.int(works));
    const plan = new TextPlan(works);
    const factory = new WorkFactory(rng, spaces, fixed, sink, plan, giants);
    for (let i = 0; i < works; i++) {
      factory.make(i);
      if ((i + 1) % WORKS_PER_COMMIT === 0) sink.checkpoint();
      if ((i + 1) % 500 === 0 || i + 1 === works) onProgress('works', i + 1, works);
    }
    spaces.series.flush();
    sink.setting('corpus', JSON.stringify({ generator: 'scripts/corpus', version: 1, seed, works, text: opts.text, until }));
    sink.checkpoint();
    lap('works');

    const text = writeChapters(seed, opts.text, plan, registry, spaces.pseuds.names, calendar, sink, (done) => onProgress('text', done, works));
    lap('text');

    onProgress('indexes', 0, 1);
    sink.finish();
    onProgress('indexes', 1, 1);
    lap('indexes');
    const rowsBytes = fs.statSync(file).size;
    const reindexed = opts.reindex === false ? false : await rebuildSearchIndex(store, (done, total) => onProgress('search', done, total));
    lap('search');

    const summary: CorpusSummary = {
      works,
      chapters: text.chapters,
      tags: registry.counts.total,
      synonyms: registry.counts.synonyms,
      tagAssignments: factory.tagAssignments,
      filterTaggings: factory.filterAssignments,
      pseuds: spaces.pseuds.count,
      series: spaces.series.count,
      words: factory.plannedWords,
      textWords: text.textWords,
      worksWithText: text.worksWithText,
      rowsBytes,
      dbBytes: 0,
      seconds: 0,
      phaseSeconds,
      reindexed,
    };
    open = false;
    await store.close();
    for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) summary.dbBytes += fs.statSync(f).size;
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  } finally {
    if (open) await store.close();
  }
}
