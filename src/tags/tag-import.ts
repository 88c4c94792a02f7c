import { QuireError, type FieldIssue } from '../errors.ts';
import type { Db } from '../store/schema.ts';
import type { Viewer } from '../works/visibility.ts';
import { csvInvalid, parseTagCsv, type CsvTagRow } from './tag-csv.ts';
import { ensureTag, toTag } from './tag.repository.ts';
import { foldName, type Tag } from './tag.types.ts';
import type { WranglingService } from './wrangling.service.ts';
import * as ops from './wrangling.ops.ts';

/**
 * `quire tags import FILE.csv`: every row is checked against the file and the archive first (all
 * problems reported at once, naming file, line and field); then, in one transaction, missing
 * tags are created, canonical rows made canonical, synonym rows merged, and parents (parent
 * fandoms of characters and relationships, metatags of fandoms and additional tags) added.
 * Import only adds: it never removes a parent or un-merges a synonym the file does not mention.
 */
export interface ImportReport {
  rows: number;
  created: number;
  changed: number;
  works: number;
}

type Known = Map<string, Tag>;

async function existing(db: Db, keys: string[]): Promise<Known> {
  const out: Known = new Map();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.selectFrom('tags').selectAll().where('name_key', 'in', keys.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.name_key, toTag(r));
  }
  return out;
}

/** Every problem of `rows` against themselves and the archive's tags `known`. */
export function checkRows(rows: readonly CsvTagRow[], known: Known, file: string): FieldIssue[] {
  const found: (FieldIssue & { line: number })[] = [];
  const issues = { push: (i: FieldIssue) => found.push({ ...i, line: Number(/ line (\d+)/.exec(i.field)?.[1] ?? 0) }) };
  const at = (r: CsvTagRow, field: string) => `${file} line ${r.line}, ${field}`;
  const inFile = new Map<string, CsvTagRow>();
  for (const r of rows) {
    const key = foldName(r.name);
    const first = inFile.get(key);
    if (first) issues.push({ field: at(r, 'name'), message: `"${r.name}" is already on line ${first.line}` });
    else inFile.set(key, r);
    const tag = known.get(key);
    if (tag && tag.type !== r.type) issues.push({ field: at(r, 'name'), message: `"${tag.name}" already exists as a ${tag.type} tag, not a ${r.type} tag` });
  }
  /** The canonical-to-be named `name` of `type`, or a message saying why it cannot be. */
  const target = (name: string, type: string, role: string): string | undefined => {
    const key = foldName(name);
    const row = inFile.get(key);
    const tag = known.get(key);
    if (!row && !tag) return `no tag "${name}" in the file or the archive`;
    const actual = row?.type ?? tag!.type;
    if (actual !== type) return `"${name}" is a ${actual} tag; the ${role} must be a ${type} tag`;
    if (row ? row.synonymOf !== '' : tag!.synonymOf !== null) return `"${name}" is a synonym; name its canonical tag instead`;
    if (!row && tag!.unwrangleable) return `"${name}" is unwrangleable and cannot be a ${role}`;
    return undefined;
  };
  for (const r of rows) {
    if (r.synonymOf !== '') {
      const problem = foldName(r.synonymOf) === foldName(r.name) ? 'a tag cannot be a synonym of itself' : target(r.synonymOf, r.type, 'canonical tag');
      if (problem) issues.push({ field: at(r, 'synonym_of'), message: problem });
    }
    const parentType = r.type === 'character' || r.type === 'relationship' ? 'fandom' : r.type;
    const role = parentType === 'fandom' && r.type !== 'fandom' ? 'parent fandom' : 'metatag';
    for (const p of r.parents) {
      const problem = foldName(p) === foldName(r.name) ? 'a tag cannot be its own parent' : target(p, parentType, role);
      if (problem) issues.push({ field: at(r, 'parents'), message: problem });
    }
  }
  return found.sort((a, b) => a.line - b.line).map(({ field, message }) => ({ field, message }));
}

function rowError(file: string, r: CsvTagRow, field: string, err: unknown): unknown {
  if (err instanceof QuireError) return csvInvalid([{ field: `${file} line ${r.line}, ${field}`, message: err.message }]);
  return err;
}

/** Imports tag CSV text (see above). `onProgress(done, total)` after each row is applied. */
export async function importTagCsv(
  wrangling: WranglingService,
  db: Db,
  viewer: Viewer,
  text: string,
  file: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  const rows = parseTagCsv(text, file);
  const keys = [...new Set(rows.flatMap((r) => [r.name, r.synonymOf, ...r.parents].filter((n) => n !== '').map(foldName)))];
  const focus = [...(await existing(db, keys)).values()].map((t) => t.id);
  const report: ImportReport = { rows: rows.length, created: 0, changed: 0, works: 0 };
  const works = await wrangling.run(viewer, focus, async (trx, audit) => {
    const known = await existing(trx, keys);
    const issues = checkRows(rows, known, file);
    if (issues.length > 0) throw csvInvalid(issues);
    const ids = new Map<string, Tag>();
    for (const r of rows) {
      const before = known.get(foldName(r.name));
      if (before) {
        ids.set(foldName(r.name), before);
        continue;
      }
      try {
        ids.set(foldName(r.name), await ensureTag(trx, r.type, r.name));
      } catch (err) {
        throw rowError(file, r, 'name', err);
      }
      report.created++;
    }
    const idOf = (name: string) => (ids.get(foldName(name)) ?? known.get(foldName(name)))!.id;
    const changes = new Map<CsvTagRow, Record<string, unknown>>();
    const note = (r: CsvTagRow, k: string, v: unknown) => changes.set(r, { ...changes.get(r), [k]: v });
    let done = 0;
    const total = rows.length * 2;
    for (const r of [...rows].sort((a, b) => Number(a.synonymOf !== '') - Number(b.synonymOf !== ''))) {
      const tag = ids.get(foldName(r.name))!;
      try {
        if (r.synonymOf === '' && !tag.canonical) (await ops.canonicalIn(trx, tag.id), note(r, 'canonical', true));
        if (r.synonymOf !== '' && tag.synonymOf !== idOf(r.synonymOf)) (await ops.synonymIn(trx, tag.id, idOf(r.synonymOf)), note(r, 'synonym_of', r.synonymOf));
      } catch (err) {
        throw rowError(file, r, r.synonymOf === '' ? 'name' : 'synonym_of', err);
      }
      onProgress?.(++done, total);
    }
    for (const r of rows) {
      const tag = ids.get(foldName(r.name))!;
      const kind = r.type === 'character' || r.type === 'relationship' ? 'fandom' : 'meta';
      const have = new Set((await trx.selectFrom('tag_links').select('parent_id').where('tag_id', '=', tag.id).where('kind', '=', kind).execute()).map((l) => l.parent_id));
      const added: string[] = [];
      for (const p of r.parents) {
        const pid = idOf(p);
        if (have.has(pid)) continue;
        try {
          await (kind === 'fandom' ? ops.addParentIn(trx, tag.id, pid) : ops.addMetaIn(trx, tag.id, pid));
        } catch (err) {
          throw rowError(file, r, 'parents', err);
        }
        have.add(pid);
        added.push(p);
      }
      if (added.length > 0) note(r, kind === 'fandom' ? 'parent_fandoms' : 'metatags', added);
      onProgress?.(++done, total);
    }
    for (const [r, details] of changes) await audit('import', ids.get(foldName(r.name))!, { file, line: r.line, ...details });
    report.changed = changes.size;
  });
  report.works = works.length;
  return report;
}
