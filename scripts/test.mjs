// Runs every *.test.ts under src/, test/, scripts/ and bench/ with Node's test runner through tsx.
// (Node 20's --test does not expand glob patterns itself.) Extra arguments are passed on,
// e.g. `npm test -- --test-name-pattern=adult`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const roots = ['src', 'test', 'scripts', 'bench'];
const files = roots
  .filter((r) => fs.existsSync(r))
  .flatMap((r) => fs.readdirSync(r, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name)))
  .sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...process.argv.slice(2), ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
