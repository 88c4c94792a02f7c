import { ByteReader, ByteWriter } from './bytes.ts';
import { blockOf, lengthsBody, skipBody } from './block-format.ts';
import { bodyCounts, skipLengthsBody, spliceEntry } from './splice.ts';
import { bodyOf, type WorkPostings } from './extract.ts';
import { pairKey, type PostingRow, type PostingsWriter } from './io.ts';

/** A work's key ids as stored in `search_work_keys`: ascending, varint deltas. */
export function encodeKeyList(ids: Iterable<number> | Uint32Array): Uint8Array {
  const sorted = ids instanceof Uint32Array && isAscending(ids) ? ids : [...ids].sort((a, b) => a - b);
  const w = new ByteWriter(sorted.length * 2 + 4);
  let prev = 0;
  for (const id of sorted) {
    w.varint(id - prev);
    prev = id;
  }
  return w.finish();
}

function isAscending(a: Uint32Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i]! <= a[i - 1]!) return false;
  return true;
}

export function decodeKeyList(data: Uint8Array): number[] {
  const r = new ByteReader(data);
  const out: number[] = [];
  let id = 0;
  while (!r.done) out.push((id += r.varint()));
  return out;
}

/**
 * Rewrites the postings of some works inside the caller's write transaction: `written` are the
 * works' new postings (extract.ts), `removed` works that are gone. Every (key, block) row that
 * holds or will hold one of them is read, spliced and written back once; so are the blocks'
 * lengths and the works' key lists. Returns the ids of the keys whose rows changed.
 */
export async function updatePostings(w: PostingsWriter, written: readonly WorkPostings[], removed: readonly number[]): Promise<Set<number>> {
  await w.lock();
  const ids = [...new Set([...written.map((p) => p.id), ...removed])];
  if (ids.length === 0) return new Set();
  const old = await w.workKeys(ids);
  const byId = new Map(written.map((p) => [p.id, p]));
  // (key, block) → the works of this batch that were or will be in that row.
  const touched = new Map<string, { key: number; block: number; works: Set<number> }>();
  const note = (key: number, work: number) => {
    const block = blockOf(work);
    const k = pairKey(key, block);
    let t = touched.get(k);
    if (!t) touched.set(k, (t = { key, block, works: new Set() }));
    t.works.add(work);
  };
  for (const id of ids) {
    const before = old.get(id);
    if (before) for (const key of decodeKeyList(before)) note(key, id);
    for (const key of byId.get(id)?.keys ?? []) note(key, id);
  }
  const pairs = [...touched.values()].sort((a, b) => a.key - b.key || a.block - b.block);
  const stored = await w.postings(pairs);
  const rows: PostingRow[] = [];
  for (const t of pairs) {
    const got = stored.get(pairKey(t.key, t.block));
    let data = got?.data;
    const counts = { works: got?.works ?? 0, chapters: got?.chapters ?? 0, meta: got?.meta ?? 0 };
    for (const work of t.works) {
      const p = byId.get(work);
      const body = (p ? bodyOf(p, t.key) : undefined) ?? null;
      const spliced = spliceEntry(t.block, data, work, body, skipBody);
      data = spliced.data;
      const [minus, plus] = [bodyCounts(spliced.old), bodyCounts(body)];
      counts.works += plus.works - minus.works;
      counts.chapters += plus.chapters - minus.chapters;
      counts.meta += plus.meta - minus.meta;
    }
    rows.push({ key: t.key, block: t.block, ...counts, data: data! });
  }
  await w.putPostings(rows);
  await writeLengths(w, ids, byId);
  await w.putWorkKeys(ids.map((id) => {
    const p = byId.get(id);
    return { work: id, data: p ? encodeKeyList(p.keys) : null };
  }));
  return new Set(pairs.map((p) => p.key));
}

async function writeLengths(w: PostingsWriter, ids: readonly number[], byId: ReadonlyMap<number, WorkPostings>): Promise<void> {
  const blocks = [...new Set(ids.map(blockOf))].sort((a, b) => a - b);
  const stored = await w.lengthBlocks(blocks);
  const rows = blocks.map((block) => {
    const mine = ids.filter((id) => blockOf(id) === block);
    const fresh = mine.flatMap((id) => {
      const p = byId.get(id);
      return p ? [{ work: id, body: lengthsBody(p.metaLength, p.chapters) }] : [];
    }).sort((a, b) => a.work - b.work);
    let data = stored.get(block);
    for (const work of mine) data = spliceEntry(block, data, work, fresh.find((f) => f.work === work)?.body ?? null, skipLengthsBody).data;
    return { block, data: data! };
  });
  await w.putLengths(rows);
}
