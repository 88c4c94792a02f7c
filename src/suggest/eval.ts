import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { RATINGS, WARNINGS } from '../tags/tag.types.ts';
import { createNameIndex, type NameIndex } from './name-index.ts';
import { suggest } from './suggest.ts';
import type { Suggestions } from './suggest.types.ts';

/**
 * The evaluation of suggestions against Quire's labelled set (test/fixtures/suggest): precision
 * and recall per label — each rating value, each warning looked for, characters, relationships,
 * language — and overall (micro-averaged). `npm run eval` prints it; eval.test.ts holds every
 * figure at or above the floors in floors.json.
 */
export const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/suggest');
/** Warnings the suggester looks for; only these are scored. */
export const SCORED_WARNINGS = ['Graphic Depictions Of Violence', 'Major Character Death'] as const;

const CastSchema = z.object({
  version: z.literal(1),
  fandoms: z.array(z.object({ id: z.number(), name: z.string(), synonyms: z.array(z.string()).optional() })),
  characters: z.array(z.object({ id: z.number(), name: z.string(), synonyms: z.array(z.string()).optional(), fandoms: z.array(z.number()).optional() })),
  relationships: z.array(z.object({ id: z.number(), name: z.string(), fandoms: z.array(z.number()).optional() })).optional(),
});

const CaseSchema = z
  .object({
    id: z.string(),
    text: z.string().optional(),
    chapters: z.array(z.string()).optional(),
    fandom: z.string().optional(),
    expect: z.object({
      rating: z.enum(RATINGS).optional(),
      warnings: z.array(z.enum(WARNINGS)).optional(),
      characters: z.array(z.string()).optional(),
      relationships: z.array(z.string()).optional(),
      language: z.string().optional(),
    }),
  })
  .refine((c) => (c.text === undefined) !== (c.chapters === undefined), { message: 'give text or chapters, not both' });

const SetSchema = z.object({ version: z.literal(1), cases: z.array(CaseSchema) });

export type EvalCase = z.infer<typeof CaseSchema>;

/** Counts for one label. */
export interface LabelScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface EvalReport {
  cases: number;
  labels: Record<string, LabelScore>;
  overall: LabelScore;
  /** Share of rated cases whose rating was exactly right. */
  ratingAccuracy: number;
  /** Per case, what went wrong (for reading, not for the floors). */
  misses: { id: string; label: string; expected: string; got: string }[];
}

function load<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The labelled sets: `cases` (the lists and thresholds were tuned on it) and `holdout` (never tuned on). */
export const SETS = ['cases', 'holdout'] as const;
export type SetName = (typeof SETS)[number];

/** The cast as a name index, and the labelled cases of one set. */
export function loadEvalSet(set: SetName = 'cases', dir = FIXTURES): { index: NameIndex; cases: EvalCase[] } {
  const cast = load(path.join(dir, 'cast.yaml'), CastSchema);
  const data = load(path.join(dir, `${set}.yaml`), SetSchema);
  return { index: createNameIndex(cast), cases: data.cases };
}

function score(tp: number, fp: number, fn: number): LabelScore {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { tp, fp, fn, precision: r(tp + fp === 0 ? 1 : tp / (tp + fp)), recall: r(tp + fn === 0 ? 1 : tp / (tp + fn)) };
}

/** Runs the suggester over every case and scores it. */
export function evaluate(index: NameIndex, cases: readonly EvalCase[]): EvalReport {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const add = (label: string, k: 'tp' | 'fp' | 'fn', n = 1) => {
    const c = counts.get(label) ?? { tp: 0, fp: 0, fn: 0 };
    c[k] += n;
    counts.set(label, c);
  };
  const misses: EvalReport['misses'] = [];
  const setScore = (id: string, label: string, expected: readonly string[], got: readonly string[]) => {
    const e = new Set(expected);
    const g = new Set(got);
    for (const x of g) add(label, e.has(x) ? 'tp' : 'fp');
    for (const x of e) if (!g.has(x)) add(label, 'fn');
    if ([...e].sort().join('|') !== [...g].sort().join('|')) misses.push({ id, label, expected: [...e].join(', '), got: [...g].join(', ') });
  };
  let rated = 0;
  let right = 0;
  for (const c of cases) {
    const s: Suggestions = suggest(c.chapters ?? c.text!, index, c.fandom === undefined ? {} : { fandom: c.fandom });
    const x = c.expect;
    if (x.rating !== undefined) {
      rated++;
      if (s.rating.value === x.rating) right++;
      for (const r of RATINGS) {
        if (r === 'Not Rated') continue;
        if (s.rating.value === r && x.rating === r) add(`rating: ${r}`, 'tp');
        else if (s.rating.value === r) add(`rating: ${r}`, 'fp');
        else if (x.rating === r) add(`rating: ${r}`, 'fn');
        else counts.set(`rating: ${r}`, counts.get(`rating: ${r}`) ?? { tp: 0, fp: 0, fn: 0 });
      }
      if (s.rating.value !== x.rating) misses.push({ id: c.id, label: 'rating', expected: x.rating, got: s.rating.value });
    }
    if (x.warnings !== undefined) {
      for (const w of SCORED_WARNINGS) {
        setScore(c.id, `warning: ${w}`, x.warnings.filter((v) => v === w), s.warnings.map((v) => v.value).filter((v) => v === w));
      }
    }
    if (x.characters !== undefined) setScore(c.id, 'characters', x.characters, s.characters.map((v) => v.tag));
    if (x.relationships !== undefined) setScore(c.id, 'relationships', x.relationships, s.relationships.map((v) => v.tag));
    setScore(c.id, 'language', [x.language ?? 'en'], s.language ? [s.language.value] : []);
  }
  const labels: Record<string, LabelScore> = {};
  let [tp, fp, fn] = [0, 0, 0];
  for (const [label, c] of [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    labels[label] = score(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return { cases: cases.length, labels, overall: score(tp, fp, fn), ratingAccuracy: Math.round((1000 * right) / Math.max(1, rated)) / 1000, misses };
}
