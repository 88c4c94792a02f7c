import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { pino } from 'pino';
import { isQuireError } from '../../src/errors.ts';
import { setRootLogger } from '../../src/log.ts';
import { generateCorpus, type CorpusSummary, type Phase } from './generate.ts';
import { cliSchema, toCorpusOptions } from './options.ts';

/**
 * `npm run corpus -- --works 100k --data /tmp/c100k [--seed 1] [--text full|none|200m] [--force]`
 * Generates a synthetic archive for benchmarks and load tests (docs/corpus.md).
 */
const program = new Command('corpus')
  .description('Generate a deterministic synthetic archive (docs/corpus.md)')
  .requiredOption('--works <n>', 'number of works (100000, 100k, 1m)')
  .requiredOption('--data <dir>', 'data directory to create quire.db in')
  .option('--seed <s>', 'seed: the same seed gives the same archive', '1')
  .option('--text <mode>', 'body text: full, none (one stand-in sentence per chapter), or a word budget such as 200m', 'full')
  .option('--force', 'replace an existing quire.db in the data directory', false)
  .option('--until <date>', 'the day after the last publication day (default 2026-01-01)')
  .option('--no-reindex', 'skip building the full-text index (run `quire reindex` later)')
  .showHelpAfterError();

const fmt = (n: number): string => n.toLocaleString('en-US');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function printSummary(s: CorpusSummary, dataDir: string): void {
  const p = s.phaseSeconds;
  const lines = [
    `works            ${fmt(s.works)}`,
    `chapters         ${fmt(s.chapters)}`,
    `tags             ${fmt(s.tags)} (${fmt(s.synonyms)} synonyms)`,
    `tag assignments  ${fmt(s.tagAssignments)} (${(s.tagAssignments / s.works).toFixed(1)} per work); filter taggings ${fmt(s.filterTaggings)}`,
    `pen names        ${fmt(s.pseuds)}; series ${fmt(s.series)}`,
    `words            ${fmt(s.words)} in works.word_count; ${fmt(s.textWords)} generated as text (${fmt(s.worksWithText)} works)`,
    `database         ${mb(s.dbBytes)} at ${dataDir}/quire.db (${mb(s.rowsBytes)} before the full-text index)`,
    `seconds          ${s.seconds.toFixed(1)} (tags ${p.tags.toFixed(1)}, works ${p.works.toFixed(1)}, text ${p.text.toFixed(1)}, indexes ${p.indexes.toFixed(1)}, full-text index ${p.search.toFixed(1)})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!s.reindexed) process.stdout.write(`run \`quire reindex --data ${dataDir}\` to build the full-text index\n`);
}

try {
  program.parse(process.argv);
  const parsed = cliSchema.safeParse(program.opts());
  if (!parsed.success) {
    process.stderr.write(`corpus: ${parsed.error.issues.map((i) => i.message).join('; ')}\n`);
    process.exit(2);
  }
  setRootLogger(pino({ level: 'warn' }, pino.destination(2)));
  const opts = toCorpusOptions(parsed.data);
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{phase} [{bar}] {percentage}% | {value}/{total} | {duration}s', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let current: Phase | undefined;
  const summary = await generateCorpus(opts, (phase, done, total) => {
    if (phase !== current) {
      if (current) bar.stop();
      current = phase;
      bar.start(total, done, { phase: phase.padEnd(7) });
    } else bar.update(done);
  });
  bar.stop();
  printSummary(summary, opts.dataDir);
} catch (err) {
  process.stderr.write(`corpus: ${isQuireError(err) ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
}
