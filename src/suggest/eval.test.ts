import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, SETS, evaluate, loadEvalSet, type EvalReport } from './eval.ts';

/**
 * The regression guard for suggestions: the evaluation behind `npm run eval`, with every figure
 * held at or above the floors in test/fixtures/suggest/floors.json (set a little below what was
 * measured; raise them when the figures improve, and never lower them without saying why).
 */
interface Floors {
  version: 1;
  cases: { ratingAccuracy: number; labels: Record<string, { precision: number; recall: number }> };
  holdout: Floors['cases'];
}
const floors = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'floors.json'), 'utf8')) as Floors;

test('the labelled set is as large as promised: 60+ rating and warning passages, 20+ character cases', () => {
  const { cases } = loadEvalSet('cases');
  const rated = cases.filter((c) => c.expect.rating !== undefined && c.expect.warnings !== undefined && c.expect.language === undefined);
  assert.ok(rated.length >= 60, `${rated.length} rating/warning passages`);
  for (const level of ['General Audiences', 'Teen And Up Audiences', 'Mature', 'Explicit'] as const) {
    assert.ok(rated.filter((c) => c.expect.rating === level).length >= 8, level);
  }
  for (const w of ['Graphic Depictions Of Violence', 'Major Character Death'] as const) {
    assert.ok(rated.filter((c) => c.expect.warnings!.includes(w)).length >= 8, w);
  }
  assert.ok(rated.filter((c) => c.expect.warnings!.length === 0).length >= 20, 'passages with no warning');
  assert.ok(cases.filter((c) => c.expect.characters !== undefined).length >= 20, 'character and relationship cases');
  assert.ok(new Set(cases.map((c) => c.id)).size === cases.length, 'ids are unique');
});

for (const set of SETS) {
  test(`evaluation on ${set}.yaml holds every figure at or above its floor`, () => {
    const { index, cases } = loadEvalSet(set);
    const report: EvalReport = evaluate(index, cases);
    const floor = floors[set];
    assert.ok(report.ratingAccuracy >= floor.ratingAccuracy, `rating accuracy ${report.ratingAccuracy} < ${floor.ratingAccuracy}`);
    const measured: Record<string, { precision: number; recall: number }> = { ...report.labels, overall: report.overall };
    for (const [label, f] of Object.entries(floor.labels)) {
      const m = measured[label];
      assert.ok(m, `label ${label} is measured`);
      assert.ok(m.precision >= f.precision, `${label} precision ${m.precision} < floor ${f.precision}`);
      assert.ok(m.recall >= f.recall, `${label} recall ${m.recall} < floor ${f.recall}`);
    }
    assert.deepEqual(Object.keys(measured).sort(), Object.keys(floor.labels).sort(), 'every measured label has a floor');
  });
}
