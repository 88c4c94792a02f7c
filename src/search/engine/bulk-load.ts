import type SQLite from 'better-sqlite3';
import roaring from 'roaring';
import { logger } from '../../log.ts';
import { grow } from './arrays.ts';
import { eachInt, scanRows, sqlDay } from './int-scan.ts';
import { creatorSortKey, titleSortKey } from './keys.ts';
import { addParents, crossoverOf, FANDOM_LINKS_SQL, type FandomParents } from './load.ts';
import { loadMemberships } from './memberships.ts';
import { TagLists } from './tag-lists.ts';
import { NUMERIC_KEYS, WorkIndex, emptyParts, typeCode, type IndexParts } from './work-index.ts';

const { RoaringBitmap32 } = roaring;
const log = logger('search');

const WORKS_SQL = `SELECT group_concat(id || ',' || complete || ',' || word_count || ',' || (status = 'posted') || ',' || restricted || ',' || hidden
  || ',' || ${sqlDay('published_on')} || ',' || ${sqlDay('updated_on')} || ',' || hits || ',' || kudos_count || ',' || comments_count
  || ',' || bookmarks_count || ',' || replace(replace(language, ',', ''), ';', ''), ';') FROM works WHERE id >= ? AND id < ?`;
const CREATORS_SQL = `SELECT group_concat(work_id || ',' || pseud_id, ';') FROM
  (SELECT work_id, pseud_id FROM work_creators WHERE work_id >= ? AND work_id < ? ORDER BY work_id, position)`;

/**
 * Builds the whole engine from the database in one read transaction (a consistent snapshot):
 * works and their languages, tag types, filter taggings (one bitmap per tag and the per-work
 * lists) and crossovers. Titles and creators are sort keys only, so they are read on the first
 * title or creator sort (`WorkIndex.lazyKeys`). Measured figures are in docs/search.md.
 */
export function loadIndex(sqlite: SQLite.Database): { index: WorkIndex; graph: FandomParents } {
  return sqlite.transaction(() => {
    const phases: Record<string, number> = {};
    let mark = performance.now();
    const phase = (name: string) => {
      const now = performance.now();
      phases[name] = Math.round(now - mark);
      mark = now;
    };
    const p = emptyParts();
    const maxId = sqlite.prepare('SELECT coalesce(max(id), 0) FROM works').pluck().get() as number;
    const alive = loadWorks(sqlite, p, maxId);
    phase('works');
    for (const [type, ids] of sqlite.prepare('SELECT type, group_concat(id) FROM tags GROUP BY type').raw().iterate() as Iterable<[string, string]>) {
      eachInt(ids, (id) => {
        p.tagTypes = grow(p.tagTypes, id);
        p.tagTypes[id] = typeCode(type);
      });
    }
    loadTaggings(sqlite, p, maxId);
    phase('taggings');
    const index = new WorkIndex(p);
    const graph: FandomParents = new Map();
    addParents(graph, sqlite.prepare(FANDOM_LINKS_SQL).raw().iterate());
    const crossovers: number[] = [];
    for (const id of alive) if (crossoverOf(index, p.tagLists.get(id), graph)) crossovers.push(id);
    p.crossover.addMany(crossovers);
    phase('crossovers');
    loadMemberships(sqlite, index.members);
    phase('memberships');
    index.lazyKeys.title = () => loadTitles(sqlite, p);
    index.lazyKeys.creator = () => loadCreators(sqlite, p, sqlite.prepare('SELECT coalesce(max(id), 0) FROM works').pluck().get() as number);
    log.debug({ phases }, 'search engine load phases');
    return { index, graph };
  }).deferred();
}

/** Numbers, flags and language of every work, parsed from one string per 50,000 ids. */
function loadWorks(sqlite: SQLite.Database, p: IndexParts, maxId: number): Uint32Array {
  for (const k of NUMERIC_KEYS) p.num[k] = new Uint32Array(maxId + 1);
  const ids = { alive: [] as number[], posted: [] as number[], guest: [] as number[], member: [] as number[], complete: [] as number[] };
  const languages = new Map<string, { code: string; ids: number[] }>();
  const stmt = sqlite.prepare(WORKS_SQL).pluck();
  const v = new Float64Array(12);
  for (let lo = 0; lo <= maxId; lo += 50_000) {
    const text = stmt.get(lo, lo + 50_000) as string | null;
    if (!text) continue;
    for (let i = 0; i < text.length; ) {
      for (let k = 0; k < 12; k++) {
        let n = 0;
        for (let c = text.charCodeAt(i); c !== 44; c = text.charCodeAt(++i)) n = n * 10 + (c - 48);
        v[k] = n;
        i++;
      }
      let end = text.indexOf(';', i);
      if (end < 0) end = text.length;
      const code = text.slice(i, end);
      i = end + 1;
      const id = v[0]!;
      let lang = languages.get(code);
      if (!lang) languages.set(code, (lang = { code, ids: [] }));
      lang.ids.push(id);
      p.languageOf[id] = lang.code; // one string per language, not per work
      ids.alive.push(id);
      if (v[1] === 1) ids.complete.push(id);
      p.num.words[id] = v[2]!;
      if (v[3] === 1) ids.posted.push(id);
      const visible = v[3] === 1 && v[5] === 0;
      if (visible) ids.member.push(id);
      if (visible && v[4] === 0) ids.guest.push(id);
      p.num.posted[id] = v[6]!;
      p.num.updated[id] = v[7]!;
      p.num.hits[id] = v[8]!;
      p.num.kudos[id] = v[9]!;
      p.num.comments[id] = v[10]!;
      p.num.bookmarks[id] = v[11]!;
    }
  }
  p.alive.addMany(ids.alive);
  p.posted.addMany(ids.posted);
  p.guest.addMany(ids.guest);
  p.member.addMany(ids.member);
  p.complete.addMany(ids.complete);
  for (const { code, ids: list } of languages.values()) p.languages.set(code, RoaringBitmap32.from(list));
  return Uint32Array.from(ids.alive).sort();
}

/** Every work's title sort key (on the first title sort). */
function loadTitles(sqlite: SQLite.Database, p: IndexParts): void {
  for (const [id, title] of sqlite.prepare('SELECT id, title FROM works').raw().iterate() as Iterable<[number, string]>) p.titleKey[id] = titleSortKey(title);
}

/**
 * Filter taggings grouped by tag: one bitmap per tag, and the per-work lists. The work ids are
 * parsed inline into one flat array (15 M entries at 1 M works), then the per-work lists are a
 * counting sort of it: no closure or object per assignment.
 */
function loadTaggings(sqlite: SQLite.Database, p: IndexParts, maxId: number): void {
  const counts = new Uint32Array(maxId + 2);
  let seq = new Uint32Array(1 << 20);
  let n = 0;
  const groups: number[] = []; // tag id, end, …
  for (const [tag, works] of sqlite.prepare('SELECT tag_id, group_concat(work_id) FROM filter_taggings GROUP BY tag_id').raw().iterate() as Iterable<[number, string]>) {
    const start = n;
    if (n + works.length / 2 + 1 > seq.length) seq = grow(seq, Math.ceil((n + works.length / 2 + 1) * 1.5));
    let v = 0;
    for (let i = 0; i <= works.length; i++) {
      const c = i < works.length ? works.charCodeAt(i) : 44;
      if (c !== 44) {
        v = v * 10 + (c - 48);
        continue;
      }
      if (v <= maxId) {
        seq[n++] = v;
        counts[v + 1]!++;
      }
      v = 0;
    }
    const bitmap = RoaringBitmap32.from(seq.subarray(start, n));
    bitmap.shrinkToFit(); // about 8% of the bitmaps' memory at 1 M works
    p.tags.set(tag, bitmap);
    groups.push(tag, n);
  }
  const offsets = counts; // prefix sums in place: offsets[w] .. offsets[w + 1]
  for (let w = 1; w < offsets.length; w++) offsets[w]! += offsets[w - 1]!;
  const cursor = offsets.slice();
  const data = new Uint32Array(n);
  let i = 0;
  for (let g = 0; g < groups.length; g += 2) {
    const tag = groups[g]!;
    for (const end = groups[g + 1]!; i < end; i++) data[cursor[seq[i]!]!++] = tag;
  }
  p.tagLists = new TagLists(offsets, data);
}

function loadCreators(sqlite: SQLite.Database, p: IndexParts, maxId: number): void {
  const names: string[] = [];
  const maxPseud = sqlite.prepare('SELECT coalesce(max(id), 0) FROM pseuds').pluck().get() as number;
  const chunk = sqlite.prepare(`SELECT group_concat(id), group_concat(replace(name_key, char(30), ' '), char(30)) FROM
    (SELECT id, name_key FROM pseuds WHERE id >= ? AND id < ? ORDER BY id)`).raw();
  for (let lo = 0; lo <= maxPseud; lo += 50_000) {
    const [ids, keys] = chunk.get(lo, lo + 50_000) as [string | null, string | null];
    if (!ids || keys === null) continue;
    const list = keys.split('\x1e');
    let i = 0;
    eachInt(ids, (id) => { names[id] = list[i++]!; });
  }
  let work = -1;
  let keys: string[] = [];
  const flush = () => { if (work >= 0) p.creatorKey[work] = keys.length === 1 ? keys[0]! : creatorSortKey(keys); };
  scanRows(sqlite, CREATORS_SQL, maxId, 2, (v) => {
    if (v[0] !== work) {
      flush();
      work = v[0]!;
      keys = [];
    }
    keys.push(names[v[1]!] ?? '');
  });
  flush();
}
