/**
 * `npm run bench:suggest`: how long suggestions take for a generated 100,000-word work (20
 * chapters of plain sentences, deterministic), against a name index of 2,000 characters in 100
 * fandoms, with a baseline measured in the same run: a naive scan with one case-insensitive
 * word-boundary regex per character name and synonym, counting mentions only (no rating,
 * relationships, evidence). Prints a Markdown table and writes it into BENCHMARKS.md between the
 * `bench:suggest` markers. Target: p50 and p99 under 200 ms.
 *
 * Environment: RUNS (timed runs of suggest, default 30), CHARACTERS (default 2000), WORDS (default 100000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createNameIndex, type NameIndexInput } from '../src/suggest/name-index.ts';
import { ratingHint } from '../src/suggest/rating-hint.ts';
import { suggest } from '../src/suggest/suggest.ts';

const RUNS = Number(process.env.RUNS ?? 30);
const BASELINE_RUNS = Math.max(3, Math.round(RUNS / 6));
const CHARACTERS = Number(process.env.CHARACTERS ?? 2000);
const WORDS = Number(process.env.WORDS ?? 100_000);

/** xorshift32: the same work on every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 4294967296);
}
const next = rng(20261123);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const syllables = ['ka', 'lo', 'mi', 'ren', 'sa', 'tor', 'vel', 'an', 'dri', 'os', 'quil', 'mar', 'bet', 'un', 'zo', 'fen'];
const nameWord = () => cap(Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(syllables)).join(''));

const input: NameIndexInput = { fandoms: [], characters: [], relationships: [] };
for (let f = 1; f <= 100; f++) input.fandoms.push({ id: f, name: `Fandom ${nameWord()} ${f}` });
for (let c = 1; c <= CHARACTERS; c++) {
  input.characters.push({ id: 1000 + c, name: `${nameWord()} ${nameWord()}`, synonyms: next() < 0.3 ? [nameWord()] : [], fandoms: [1 + (c % 100)] });
}
const cast = input.characters.slice(0, 10).map((c) => c.name);

/** Plain sentences: subject, verb, object, place; a cast member now and then, a scene break rarely. */
const subjects = ['she', 'he', 'they', 'the captain', 'the old woman', 'the boy', 'nobody'];
const verbs = ['watched', 'carried', 'opened', 'found', 'kissed', 'forgot', 'mended', 'followed', 'hit', 'counted', 'laughed at', 'wrote to'];
const objects = ['the door', 'a letter', 'the lantern', 'her friend', 'the map', 'the kettle', 'a knife', 'the window', 'his coat', 'the tide table'];
const places = ['in the morning', 'by the harbour', 'after supper', 'on the stairs', 'at the station', 'under the bridge', 'in the rain'];
function sentence(): string {
  const who = next() < 0.15 ? pick(cast) : pick(subjects);
  const whom = next() < 0.1 ? pick(cast) : pick(objects);
  return `${cap(who)} ${pick(verbs)} ${whom} ${pick(places)}.`;
}
const chapters: string[] = [];
let written = 0;
for (let ch = 1; ch <= 20; ch++) {
  const paras: string[] = [];
  while (written < (ch * WORDS) / 20) {
    const p = Array.from({ length: 3 + Math.floor(next() * 4) }, sentence).join(' ');
    written += p.split(' ').length;
    paras.push(p);
    if (next() < 0.01) paras.push('* * *');
  }
  chapters.push(paras.join('\n\n'));
}

const built = performance.now();
const index = createNameIndex(input);
const buildMs = performance.now() - built;

/** The baseline: one regex per name, over every chapter. */
const names = input.characters.flatMap((c) => [c.name, ...(c.synonyms ?? [])]);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const regexes = names.map((n) => new RegExp(`\\b${escape(n)}(?:'s)?\\b`, 'gi'));
function naive(): number {
  let mentions = 0;
  for (const re of regexes) for (const text of chapters) mentions += text.match(re)?.length ?? 0;
  return mentions;
}

function time(runs: number, warm: number, fn: () => unknown): number[] {
  const out: number[] = [];
  for (let i = -warm; i < runs; i++) {
    const t = performance.now();
    fn();
    if (i >= 0) out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}
/** Nearest-rank percentile of sorted times. */
const pct = (xs: readonly number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

let result: ReturnType<typeof suggest> | undefined;
const full = time(RUNS, 2, () => (result = suggest(chapters, index)));
const hint = time(RUNS, 2, () => ratingHint(chapters, index));
let naiveMentions = 0;
const base = time(BASELINE_RUNS, 1, () => (naiveMentions = naive()));

const cpu = os.cpus();
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const row = (what: string, xs: readonly number[]) => `| ${what} | ${xs.length} | ${pct(xs, 50).toFixed(0)} | ${pct(xs, 99).toFixed(0)} | ${xs[xs.length - 1]!.toFixed(0)} |`;
const table = [
  `Suggestions for one generated work of ${result!.stats.words.toLocaleString('en')} words in ${result!.stats.chapters} chapters, against ${CHARACTERS.toLocaleString('en')} characters (${names.length.toLocaleString('en')} names) in 100 fandoms; index built once in ${buildMs.toFixed(0)} ms.`,
  `Measured ${when} UTC: ${cpu[0]?.model ?? 'cpu'} × ${cpu.length}, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}. Command: \`npm run bench:suggest\`.`,
  '',
  '| what | runs | p50 ms | p99 ms | max ms |',
  '|---|---|---|---|---|',
  row('baseline: one regex per name, mentions only', base),
  row('`suggest()`: everything, with evidence', full),
  row('`ratingHint()`: what runs after each post or edit', hint),
  '',
  `Found: ${result!.characters.length} characters (${result!.characters.reduce((n, c) => n + c.mentions, 0).toLocaleString('en')} mentions; the baseline counted ${naiveMentions.toLocaleString('en')}), ${result!.relationships.length} relationships, rating ${result!.rating.value}. Target: under 200 ms — ${pct(full, 99) < 200 ? 'met' : 'NOT met'} at p99.`,
].join('\n');
process.stdout.write(`${table}\n`);

const file = path.resolve(import.meta.dirname, '../BENCHMARKS.md');
const START = '<!-- bench:suggest:start (generated by `npm run bench:suggest`; edit outside the markers) -->';
const END = '<!-- bench:suggest:end -->';
const doc = fs.readFileSync(file, 'utf8');
const s = doc.indexOf('<!-- bench:suggest:start');
const e = doc.indexOf(END);
if (s >= 0 && e > s) {
  fs.writeFileSync(file, `${doc.slice(0, s)}${START}\n\n${table}\n\n${doc.slice(e)}`);
  process.stdout.write('BENCHMARKS.md updated (Suggestions section).\n');
} else {
  process.stdout.write('BENCHMARKS.md has no bench:suggest markers; add the "Suggestions" section to record these figures.\n');
}
