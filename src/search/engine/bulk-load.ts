import type SQLite from 'better-sqlite3';
import roaring from 'roaring';
import { logger } from '../../log.ts';
import { grow } from './arrays.ts';
import { eachInt, scanRows, sqlDay } from './int-scan.ts';
import { creatorSortKey, titleSortKey } from './keys.ts';
import { addParents, crossoversOf, FANDOM_LINKS_SQL, type FandomParents } from './load.ts';
import { loadMemberships } from './memberships.ts';
import { TagLists } from './tag-lists.ts';
import { TagPostings } from './tag-postings.ts';
import { NUMERIC_KEYS, RANGE_KEYS, WorkIndex, emptyParts, typeCode, type IndexParts } from './work-index.ts';

const { RoaringBitmap32 } = roaring;
const log = logger('search');

export const WORKS_SQL = `SELECT group_concat(id || ',' || complete || ',' || word_count || ',' || (status = 'posted') || ',' || restricted || ',' || hidden
  || ',' || ${sqlDay('published_on')} || ',' || ${sqlDay('updated_on')} || ',' || hits || ',' || kudos_count || ',' || comments_count
  || ',' || bookmarks_count || ',' || replace(replace(language, ',', ''), ';', ''), ';') FROM works WHERE id >= ? AND id < ?`;
const TAGGINGS_SQL = `SELECT group_concat(work_id || ':' || tags, ';') FROM
  (SELECT work_id, group_concat(tag_id) AS tags FROM filter_taggings WHERE work_id >= ? AND work_id < ? GROUP BY work_id ORDER BY work_id)`;
const CREATORS_SQL = `SELECT group_concat(work_id || ',' || pseud_id, ';') FROM
  (SELECT work_id, pseud_id FROM work_creators WHERE work_id >= ? AND work_id < ? ORDER BY work_id, position)`;

/**
 * Builds the whole engine from the database in one read transaction (a consistent snapshot):
 * works and their languages, tag types, filter taggings (one bitmap per tag and the per-work
 * lists) and crossovers. Titles and creators are sort keys only, so they are read on the first
 * title or creator sort (`WorkIndex.lazyKeys`). Measured figures are in docs/search.md.
 */
export function loadIndex(sqlite: SQLite.Database): { index: WorkIndex; graph: FandomParents } {
  // Read through a memory map while loading: a page fault brings in its neighbours too (the
  // kernel's read-around), where SQLite's reads fetch one page each, so a start with the
  // database not in the page cache reads it in large runs (at 1 M works 7.0–10.9 s, against
  // 12.0–14.3 s without). Set back afterwards, so the mapped pages do not stay in the process
  // (an in-memory database has no file to map).
  const mmap = sqlite.pragma('mmap_size', { simple: true }) as number;
  if (!sqlite.memory) sqlite.pragma(`mmap_size = ${LOAD_MMAP}`);
  try {
    return readIndex(sqlite);
  } finally {
    if (!sqlite.memory) sqlite.pragma(`mmap_size = ${mmap}`);
  }
}

/** Bytes of the database mapped while loading (SQLite caps it at its compiled maximum, 2 GB here). */
const LOAD_MMAP = 2 ** 40;

function readIndex(sqlite: SQLite.Database): { index: WorkIndex; graph: FandomParents } {
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
    loadWorks(sqlite, p, maxId);
    phase('works');
    for (const [type, ids] of sqlite.prepare('SELECT type, group_concat(id) FROM tags GROUP BY type').raw().iterate() as Iterable<[string, string]>) {
      eachInt(ids, (id) => {
        p.tagTypes = grow(p.tagTypes, id);
        p.tagTypes[id] = typeCode(type);
      });
    }
    phase('tagTypes');
    loadTaggings(sqlite, p, maxId, phase);
    const index = new WorkIndex(p);
    const graph: FandomParents = new Map();
    addParents(graph, sqlite.prepare(FANDOM_LINKS_SQL).raw().iterate());
    p.crossover.addMany(crossoversOf(index, graph, maxId));
    phase('crossovers');
    loadMemberships(sqlite, index.members);
    phase('memberships');
    for (const key of RANGE_KEYS) index.rangeBuckets(key);
    phase('ranges');
    index.lazyKeys.title = () => loadTitles(sqlite, p);
    index.lazyKeys.creator = () => loadCreators(sqlite, p, sqlite.prepare('SELECT coalesce(max(id), 0) FROM works').pluck().get() as number);
    log.debug({ phases }, 'search engine load phases');
    return { index, graph };
  }).deferred();
}

/** Numbers, flags and language of every work, parsed from one string per 50,000 ids. */
function loadWorks(sqlite: SQLite.Database, p: IndexParts, maxId: number): void {
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
}

/** Every work's title sort key (on the first title sort). */
function loadTitles(sqlite: SQLite.Database, p: IndexParts): void {
  for (const [id, title] of sqlite.prepare('SELECT id, title FROM works').raw().iterate() as Iterable<[number, string]>) p.titleKey[id] = titleSortKey(title);
}

/**
 * Filter taggings, read in work order (the primary key's index) as one string per 50,000 works
 * (`work:tag,tag;work:tag;…`) and parsed inline: the flat array of tags in work order is each
 * work's tag list as it stands (TagLists), and a counting sort of it gives each tag's works
 * (TagPostings). Two integer arrays each, no object per tag or per assignment; chunks are copied
 * into one array of the exact size, so no oversized buffer is left for the collector.
 */
function loadTaggings(sqlite: SQLite.Database, p: IndexParts, maxId: number, phase: (name: string) => void): void {
  const offsets = new Uint32Array(maxId + 2);
  const chunks: Uint32Array[] = [];
  let scratch = new Uint32Array(0);
  let n = 0;
  let maxTag = 0;
  let lastWork = 0;
  const stmt = sqlite.prepare(TAGGINGS_SQL).pluck();
  for (let lo = 0; lo <= maxId; lo += 50_000) {
    const text = stmt.get(lo, lo + 50_000) as string | null;
    if (!text) continue;
    if (scratch.length < text.length / 2 + 1) scratch = new Uint32Array(Math.ceil(text.length / 2 + 1));
    let k = 0;
    for (let i = 0; i < text.length; i++) {
      let w = 0;
      for (let c = text.charCodeAt(i); c !== 58; c = text.charCodeAt(++i)) w = w * 10 + (c - 48);
      if (w > maxId || w < lastWork) throw new Error(`filter taggings: work ${w} out of order or past ${maxId}`);
      lastWork = w;
      const start = k;
      let t = 0;
      for (let c = text.charCodeAt(++i); ; c = text.charCodeAt(++i)) {
        if (c >= 48 && c <= 57) {
          t = t * 10 + (c - 48);
          continue;
        }
        scratch[k++] = t;
        if (t > maxTag) maxTag = t;
        t = 0;
        if (c !== 44) break; // ';' or the end (NaN)
      }
      offsets[w + 1] = k - start;
    }
    chunks.push(scratch.slice(0, k));
    n += k;
  }
  for (let w = 1; w < offsets.length; w++) offsets[w]! += offsets[w - 1]!;
  const data = new Uint32Array(n);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.length;
  }
  chunks.length = 0;
  phase('taggings');
  p.tags = TagPostings.fromWorkRows(offsets, data, maxTag);
  phase('tagWorks');
  p.tagLists = TagLists.fromIds(offsets, data, maxTag, (t) => p.tags.count(t));
  phase('tagCodes');
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
