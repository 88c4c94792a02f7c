/**
 * Benchmark (not a timed test): suggestions for a synthetic 100,000-word work in 20 chapters,
 * against a name index of 20,000 characters plus the evaluation cast. The target is under
 * 200 ms on a 2-core machine. `node --import tsx scripts/eval/bench.ts [words] [characters]`
 */
import { performance } from 'node:perf_hooks';
import { createNameIndex, type NameIndexInput } from '../../src/suggest/name-index.ts';
import { suggest } from '../../src/suggest/suggest.ts';

const WORDS = Number(process.argv[2] ?? 100_000);
const CHARACTERS = Number(process.argv[3] ?? 20_000);

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const syllables = ['ka', 'lo', 'mi', 'ren', 'sa', 'tor', 'vel', 'an', 'dri', 'os', 'quil', 'mar', 'bet', 'un', 'zo', 'fen'];
const word = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(syllables)).join('');
const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

const input: NameIndexInput = { fandoms: [], characters: [], relationships: [] };
for (let f = 1; f <= 200; f++) input.fandoms.push({ id: f, name: `Fandom ${cap(word())} ${f}` });
for (let c = 1; c <= CHARACTERS; c++) {
  input.characters.push({ id: 1000 + c, name: `${cap(word())} ${cap(word())}`, synonyms: rand() < 0.3 ? [cap(word())] : [], fandoms: [1 + (c % 200)] });
}
const cast = input.characters.slice(0, 12).map((c) => c.name);
const t0 = performance.now();
const index = createNameIndex(input);
const built = performance.now() - t0;

const filler = ['the', 'and', 'she', 'he', 'said', 'walked', 'to', 'a', 'of', 'in', 'was', 'quietly', 'door', 'window', 'light',
  'kissed', 'laughed', 'blood', 'sword', 'damn', 'friend', 'sea', 'night', 'morning', 'table', 'her', 'his', 'with'];
const chapters: string[] = [];
let written = 0;
for (let ch = 0; ch < 20; ch++) {
  const paras: string[] = [];
  while (written < ((ch + 1) * WORDS) / 20) {
    const sentence: string[] = [];
    for (let k = 0; k < 12; k++) sentence.push(rand() < 0.05 ? pick(cast) : pick(filler));
    written += sentence.length;
    paras.push(cap(sentence.join(' ')) + '.');
    if (rand() < 0.01) paras.push('* * *');
  }
  chapters.push(paras.join('\n\n'));
}

const times: number[] = [];
let result: ReturnType<typeof suggest> | undefined;
const cpu: number[] = [];
const RUNS = 9;
for (let run = -2; run < RUNS; run++) {
  const start = performance.now();
  const used = process.cpuUsage();
  result = suggest(chapters, index);
  const spent = process.cpuUsage(used);
  if (run < 0) continue; // two warm-up runs first
  times.push(performance.now() - start);
  cpu.push((spent.user + spent.system) / 1000);
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
process.stdout.write(`index: ${CHARACTERS.toLocaleString('en')} characters built in ${built.toFixed(0)} ms\n`);
process.stdout.write(`text: ${result!.stats.words.toLocaleString('en')} words in ${result!.stats.chapters} chapters\n`);
process.stdout.write(`suggest: median ${times[RUNS >> 1]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[RUNS - 1]!.toFixed(0)}) over ${RUNS} runs after 2 warm-up runs\n`);
process.stdout.write(`cpu time: median ${cpu[RUNS >> 1]!.toFixed(0)} ms (wall time suffers when other processes share the cores)\n`);
process.stdout.write(`found: ${result!.characters.length} characters, ${result!.relationships.length} relationships, rating ${result!.rating.value}\n`);
