// Runs every *.test.ts under src/, test/, scripts/ and bench/ with Node's test runner through tsx.
// (Node 20's --test does not expand glob patterns itself.) Extra arguments are passed on,
// e.g. `npm test -- --test-name-pattern=adult`.
//
// Then, when QUIRE_TEST_PG_URL is set (.ci/run sets it), "the one shared suite": every test file
// that uses a store runs a second time with QUIRE_TEST_STORE=postgres, so `testArchive()` and
// `memoryStore()` give it a fresh PostgreSQL schema instead of in-memory SQLite.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const roots = ['src', 'test', 'scripts', 'bench'];
const files = roots
  .filter((r) => fs.existsSync(r))
  .flatMap((r) => fs.readdirSync(r, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name)))
  .sort();

/** A test file uses a store when it opens an archive or a store, directly or through a test helper. */
const USES_STORE = /testArchive|memoryStore|openStore|openArchive|archiveOn|scratchPostgresStore|twoStores|\.testing\.ts|\/world\.ts|\/seed\.ts|dataDir: ':memory:'/;

/** Store-using files NOT run a second time on PostgreSQL, each with its reason. */
const PG_SKIP = {
  'test/browser/accounts.test.ts': 'browser test',
  'test/browser/reading.test.ts': 'browser test',
  'test/xss/browser.test.ts': 'browser test',
  'src/formats/epub/epubcheck.test.ts': 'EPUB validation, no store logic',
  'bench/bench.test.ts': 'benchmark harness',
  'scripts/corpus/corpus.test.ts': 'corpus generator',
  // Loop over both databases themselves (or are SQLite-only by design).
  'src/store/store.shared.test.ts': 'runs SQLite and PostgreSQL itself',
  'src/store/dump/dump.test.ts': 'runs SQLite and PostgreSQL itself',
  'src/cli/commands/store.test.ts': 'runs SQLite and PostgreSQL itself',
};
/** Files that run the real CLI (`src/cli/main.ts` in a child process, or test/cli/run.ts) against a data directory: SQLite by construction. */
const RUNS_CLI = /runCli\(|spawnSync\([\s\S]*src\/cli\/main\.ts|src\/cli\/main\.ts[\s\S]*spawnSync\(/;
/**
 * The one place to narrow or widen the PostgreSQL run: files that cannot pass on PostgreSQL yet
 * (`'path': 'why'` entries). Empty: every file that uses a store runs on both databases.
 */
const PG_PENDING = {
};

const args = process.argv.slice(2);
/** The runner's closing summary lines (`# pass 12`), summed over both runs. */
const totals = new Map();
const SUMMARY = /^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) (\d+(?:\.\d+)?)$/;
/** Runs the list with Node's runner, passing its output through and adding up its summary. */
const run = (list, store) => new Promise((resolve) => {
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...args, ...list], {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, QUIRE_TEST_STORE: store },
  });
  let rest = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const m = SUMMARY.exec(line.trim());
      if (m) totals.set(m[1], (totals.get(m[1]) ?? 0) + Number(m[2]));
    }
  });
  child.on('close', (code) => resolve(code ?? 1));
});

let status = await run(files, 'sqlite');
const pgUrl = process.env.QUIRE_TEST_PG_URL;
if (!pgUrl) {
  console.log('PostgreSQL runs skipped: QUIRE_TEST_PG_URL is not set (e.g. QUIRE_TEST_PG_URL=postgres://postgres@127.0.0.1:5432/test npm test; .ci/run sets it).');
} else {
  const pgFiles = files.filter((f) => {
    const text = fs.readFileSync(f, 'utf8');
    return !(f in PG_SKIP) && !(f in PG_PENDING) && USES_STORE.test(text) && !RUNS_CLI.test(text);
  });
  console.log(`\n== the same ${pgFiles.length} store, repository and HTTP test files on PostgreSQL (${pgUrl.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@')}); ${Object.keys(PG_PENDING).length} pending (PG_PENDING in scripts/test.mjs)`);
  status = (await run(pgFiles, 'postgres')) || status;
  // One closing summary for both runs, in the runner's own format, so a reader of the last lines sees everything.
  console.log('\n# both runs together (SQLite, then PostgreSQL)');
  for (const [key, value] of totals) console.log(`# ${key} ${key === 'duration_ms' ? value.toFixed(3) : value}`);
}
process.exit(status);
