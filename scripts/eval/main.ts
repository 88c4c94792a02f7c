/**
 * `npm run eval`: runs the suggester over Quire's labelled sets (test/fixtures/suggest) and
 * prints precision and recall per label and overall, for the tuning set (cases.yaml) and the
 * held-out set (holdout.yaml, never tuned on). `--misses` also lists every case it got wrong;
 * `--json` prints the whole reports; `--floors` prints floors 0.03 below today's figures, in the
 * shape of test/fixtures/suggest/floors.json (raise the floors there when the figures improve).
 */
import { SETS, evaluate, loadEvalSet, type EvalReport } from '../../src/suggest/eval.ts';

const args = new Set(process.argv.slice(2));
const reports = Object.fromEntries(SETS.map((set) => {
  const { index, cases } = loadEvalSet(set);
  return [set, evaluate(index, cases)] as const;
})) as Record<(typeof SETS)[number], EvalReport>;

const TITLES = { cases: 'tuning set (cases.yaml: word lists and thresholds were adjusted on it)', holdout: 'held-out set (holdout.yaml: never tuned on)' };
const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);

if (args.has('--json')) {
  process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
} else if (args.has('--floors')) {
  const below = (x: number) => Math.max(0, Math.floor((x - 0.03) * 100) / 100);
  const floors = (r: EvalReport) => ({
    ratingAccuracy: below(r.ratingAccuracy),
    labels: Object.fromEntries([...Object.entries(r.labels), ['overall', r.overall] as const].map(([l, s]) => [l, { precision: below(s.precision), recall: below(s.recall) }])),
  });
  process.stdout.write(`${JSON.stringify({ version: 1, cases: floors(reports.cases), holdout: floors(reports.holdout) }, null, 2)}\n`);
} else {
  for (const set of SETS) {
    const report = reports[set];
    const rows = [...Object.entries(report.labels), ['overall', report.overall] as const];
    const width = Math.max(...rows.map(([l]) => l.length));
    process.stdout.write(`${TITLES[set]}: ${report.cases} passages\n\n`);
    process.stdout.write(`  ${'label'.padEnd(width)}  precision   recall    tp   fp   fn\n`);
    for (const [label, s] of rows) {
      process.stdout.write(`  ${label.padEnd(width)}  ${pct(s.precision)}  ${pct(s.recall)}  ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}\n`);
    }
    process.stdout.write(`\n  rating accuracy (exact level): ${pct(report.ratingAccuracy).trim()}\n`);
    if (args.has('--misses')) {
      process.stdout.write('\n  misses:\n');
      for (const m of report.misses) process.stdout.write(`    ${m.id.padEnd(6)} ${m.label}: expected [${m.expected}] got [${m.got}]\n`);
    }
    process.stdout.write('\n');
  }
}
