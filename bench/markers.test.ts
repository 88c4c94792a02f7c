import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { replaceSection } from './markers.ts';

test('replaceSection appends a marked section once, then replaces only its body', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-markers-'));
  const file = path.join(dir, 'B.md');
  fs.writeFileSync(file, '# Benchmarks\n\n<!-- bench:results:start (x) -->\nsearch\n<!-- bench:results:end -->\n\nHand-written reading.\n');
  replaceSection(file, 'pages', 'npm run bench:pages', 'first run', '## Page loads');
  replaceSection(file, 'pages', 'npm run bench:pages', 'second run', '## Page loads');
  const doc = fs.readFileSync(file, 'utf8');
  assert.equal(doc.match(/## Page loads/g)?.length, 1);
  assert.ok(doc.includes('second run') && !doc.includes('first run'));
  assert.ok(doc.includes('<!-- bench:results:start (x) -->\nsearch\n<!-- bench:results:end -->'), 'other sections are untouched');
  assert.ok(doc.includes('Hand-written reading.'));
  fs.rmSync(dir, { recursive: true, force: true });
});
