/**
 * `npm run bench:downloads`: how long a 500 k-word work (50 chapters of 10 k words) takes to become
 * each download format, with a floor measured in the same run: deflating the same chapter HTML
 * into a zip-sized buffer with no conversion at all (what any EPUB writer must at least do).
 * Prints a Markdown table; the figures go to BENCHMARKS.md.
 */
import os from 'node:os';
import zlib from 'node:zlib';
import { pino } from 'pino';
import { archiveOn } from '../src/archive.ts';
import { loadConfig } from '../src/config/config.ts';
import { downloadsFor } from '../src/downloads/download.service.ts';
import { setRootLogger } from '../src/log.ts';
import { memoryStore } from '../src/store/store.ts';
import { OPERATOR } from '../src/works/visibility.ts';

setRootLogger(pino({ level: 'silent' }));
const RUNS = Number(process.env.RUNS ?? 9);

/** A deterministic sentence generator (xorshift), so every run builds the same work. */
function prose(words: number, seed: number): string {
  const vocab = 'the a and of to in she he it was that with for on her his they said at as but not had from by all what were there would like one could out into some back over only then down now even after still before again never through'.split(' ');
  const extra = 'lantern harbour ferry letter kettle storm window quiet morning salt river glass bridge garden winter candle station orbit archive'.split(' ');
  let x = seed >>> 0 || 1;
  const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 4294967296);
  const paras: string[] = [];
  let left = words;
  while (left > 0) {
    const sentences: string[] = [];
    for (let s = 0; s < 5 && left > 0; s++) {
      const n = Math.min(left, 8 + Math.floor(next() * 14));
      const w = Array.from({ length: n }, () => (next() < 0.8 ? vocab[Math.floor(next() * vocab.length)] : extra[Math.floor(next() * extra.length)])!);
      w[0] = w[0]![0]!.toUpperCase() + w[0]!.slice(1);
      sentences.push(`${w.join(' ')}.`);
      left -= n;
    }
    paras.push(`<p>${sentences.join(' ')}</p>`);
  }
  return paras.join('\n');
}

function stats(ms: number[]): { p50: number; p99: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99), max: s[s.length - 1]! };
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

const config = loadConfig({}, { dataDir: ':memory:', demo: 'off', logLevel: 'silent' });
const archive = archiveOn(config, await memoryStore());
const chapters = Array.from({ length: 50 }, (_, i) => ({ title: `Part ${i + 1}`, html: prose(10_000, i + 1) }));
const created = await archive.works.create({
  title: 'The Long Crossing', rating: 'Teen And Up Audiences', warnings: ['No Archive Warnings Apply'], categories: ['Gen'],
  fandoms: ['Benchmark Fandom'], characters: ['Ada', 'Bea'], tags: ['Slow Burn'], language: 'en', creators: ['bencher'],
  series: [{ title: 'Crossings' }], summary: '<p>Fifty chapters of synthetic prose.</p>', chapters,
});
const work = await archive.works.read(OPERATOR, created.id);
const downloads = downloadsFor(archive);
const rows: string[] = [];
const floor = stats(await time(() => zlib.deflateRawSync(Buffer.from(work.chapters.map((c) => c.html).join('\n')))));
rows.push(`| floor: deflate the chapter HTML, no conversion | ${floor.p50.toFixed(0)} | ${floor.p99.toFixed(0)} | ${floor.max.toFixed(0)} | |`);
for (const ext of ['epub', 'html', 'txt', 'pdf'] as const) {
  if (downloads.why(ext)) {
    rows.push(`| ${ext} | not offered: ${downloads.why(ext)} | | | |`);
    continue;
  }
  let size = 0;
  const s = stats(await time(async () => (size = (await downloads.render(work, ext)).length)));
  rows.push(`| ${ext} | ${s.p50.toFixed(0)} | ${s.p99.toFixed(0)} | ${s.max.toFixed(0)} | ${(size / 1e6).toFixed(1)} MB |`);
}
console.log(`Downloads of one ${work.words.toLocaleString('en')}-word work, ${work.chapters.length} chapters; ${RUNS} timed runs after one warm-up`);
console.log(`${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('\n| format | p50 ms | p99 ms | max ms | size |\n|---|---|---|---|---|');
console.log(rows.join('\n'));
await archive.close();
