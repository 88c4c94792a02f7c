import type SQLite from 'better-sqlite3';
import { FREE_TAG_TYPES, type FreeTagType } from '../src/tags/tag.types.ts';

/**
 * What the query generator needs to know about a corpus, read once with plain SQL (never through
 * the engine it benchmarks): its real tags by popularity, languages, date span and text mode.
 * Everything is sorted deterministically, so the same database gives the same profile.
 */
export interface ProfileTag {
  name: string;
  /** Works carrying it as a filter tag. */
  count: number;
}

export type Tier = 'popular' | 'mid' | 'rare';
export const TIERS: readonly Tier[] = ['popular', 'mid', 'rare'];

export interface CorpusProfile {
  works: number;
  /** Canonical filter tags of each free type, split by popularity (see `tierOf`). */
  tags: Record<FreeTagType, Record<Tier, ProfileTag[]>>;
  /** For some popular and mid fandoms: the tags most used with them, for drill-down queries. */
  related: { fandom: string; relationship: string[]; character: string[]; additional: string[] }[];
  /** Language codes by number of works, most first. */
  languages: { code: string; count: number }[];
  /** First and last publication day, `YYYY-MM-DD`. */
  firstDay: string;
  lastDay: string;
  /** Whether chapters carry real prose (`--text full` or a budget) rather than stand-ins. */
  fullText: boolean;
  /** The corpus generator's settings, when it was made by `npm run corpus`. */
  corpus: { seed: string; works: number; text: unknown } | null;
}

/**
 * Popular: on at least 0.5 % of works; mid: at least max(5, 0.005 %) of works; rare: the rest
 * (used 1–4 times at 100 k works). At 100 k works: ≥ 500, 5–499, 1–4.
 */
export function tierOf(count: number, works: number): Tier {
  if (count >= Math.max(2, works / 200)) return 'popular';
  if (count >= Math.max(5, works / 20_000)) return 'mid';
  return 'rare';
}

const MAX_PER_TIER = 5000;
const RELATED_FANDOMS = 40;
const RELATED_TAGS = 30;

/** Reads the profile of the archive behind `sqlite`. Seconds at a million works (one GROUP BY over the filter taggings). */
export function readProfile(sqlite: SQLite.Database): CorpusProfile {
  const works = sqlite.prepare('SELECT count(*) FROM works').pluck().get() as number;
  const rows = sqlite
    .prepare(
      `SELECT t.type, t.name, c.n FROM (SELECT tag_id, count(*) AS n FROM filter_taggings GROUP BY tag_id) c
       JOIN tags t ON t.id = c.tag_id WHERE t.synonym_of IS NULL AND t.type IN (${FREE_TAG_TYPES.map(() => '?').join(', ')})
       ORDER BY c.n DESC, t.id`,
    )
    .raw()
    .all(...FREE_TAG_TYPES) as [FreeTagType, string, number][];
  const tags = Object.fromEntries(FREE_TAG_TYPES.map((t) => [t, { popular: [], mid: [], rare: [] }])) as unknown as CorpusProfile['tags'];
  for (const [type, name, count] of rows) {
    const list = tags[type][tierOf(count, works)];
    if (list.length < MAX_PER_TIER) list.push({ name, count });
  }
  const languages = (sqlite.prepare('SELECT language, count(*) FROM works GROUP BY language ORDER BY 2 DESC, 1').raw().all() as [string, number][])
    .map(([code, count]) => ({ code, count }));
  const span = sqlite.prepare('SELECT min(published_on), max(updated_on) FROM works').raw().get() as [string | null, string | null];
  const setting = sqlite.prepare("SELECT value FROM settings WHERE key = 'corpus'").pluck().get() as string | undefined;
  const corpus = setting ? (JSON.parse(setting) as { seed: string; works: number; text: { kind: string } }) : null;
  return {
    works,
    tags,
    related: readRelated(sqlite, [...tags.fandom.popular, ...tags.fandom.mid.slice(0, RELATED_FANDOMS)].slice(0, RELATED_FANDOMS)),
    languages,
    firstDay: span[0] ?? '2020-01-01',
    lastDay: span[1] ?? '2020-12-31',
    fullText: corpus ? corpus.text.kind !== 'none' : true,
    corpus: corpus ? { seed: corpus.seed, works: corpus.works, text: corpus.text } : null,
  };
}

function readRelated(sqlite: SQLite.Database, fandoms: ProfileTag[]): CorpusProfile['related'] {
  const idOf = sqlite.prepare('SELECT id FROM tags WHERE name = ? AND type = ?').pluck();
  const top = sqlite.prepare(
    `SELECT t.type, t.name FROM (SELECT f2.tag_id, count(*) AS n FROM filter_taggings f1 JOIN filter_taggings f2 ON f2.work_id = f1.work_id
       WHERE f1.tag_id = ? AND f2.tag_id <> f1.tag_id GROUP BY f2.tag_id) c JOIN tags t ON t.id = c.tag_id
     WHERE t.type IN ('relationship', 'character', 'additional') AND t.synonym_of IS NULL ORDER BY c.n DESC, t.id`,
  ).raw();
  return fandoms.map((f) => {
    const out = { fandom: f.name, relationship: [] as string[], character: [] as string[], additional: [] as string[] };
    const id = idOf.get(f.name, 'fandom') as number | undefined;
    if (id === undefined) return out;
    for (const [type, name] of top.iterate(id) as Iterable<['relationship' | 'character' | 'additional', string]>) {
      if (out[type].length < RELATED_TAGS) out[type].push(name);
    }
    return out;
  });
}
