import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openArchive } from '../../src/archive.ts';
import { loadConfig } from '../../src/config/config.ts';
import { buildWork } from '../factories.ts';
import { runCli } from './run.ts';

/** `quire suggest --archive` (re-suggest every work's rating hint) and suggestions at `quire import`, run as a user would. */

const STRONG = 'They made love slowly in the dark, naked in the narrow bed, and had sex twice before dawn. Afterward they lay tangled in the sheets, sweaty and spent.';
let dataDir: string;
let story: string;

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-resuggest-cli-'));
  const archive = await openArchive(loadConfig({}, { dataDir }));
  await archive.works.create(buildWork({ title: 'Low', rating: 'General Audiences', chapters: [{ html: `<p>${STRONG}</p>` }] }));
  await archive.works.create(buildWork({ title: 'Calm', rating: 'General Audiences' }));
  await archive.works.create(buildWork({ fandoms: ['The Salt Roads'], characters: ['Mara Voss', 'Tobin Ash'] }));
  // As if the works predated hints: the table is empty until re-suggested.
  await archive.store.db.deleteFrom('rating_hints').execute();
  await archive.close();
  story = path.join(dataDir, 'deck.txt');
  fs.writeFileSync(story, '---\ntitle: On Deck\nfandoms: The Salt Roads\n---\n\nMara checked the rigging while Tobin hauled rope. Tobin kissed Mara under the lantern, and Mara kissed him back.\n\nMara laughed at Tobin all the way home.\n');
});

after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const quire = (...args: string[]) => runCli(['--data', dataDir, ...args]);

async function withArchive<T>(fn: (a: Awaited<ReturnType<typeof openArchive>>) => Promise<T>): Promise<T> {
  const archive = await openArchive(loadConfig({}, { dataDir }));
  try {
    return await fn(archive);
  } finally {
    await archive.close();
  }
}

test('quire suggest --archive recomputes every hint and fills the review queue', async () => {
  const r = quire('suggest', '--archive');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 're-suggested 3 works: 1 with a rating hint above the declared rating, 1 in the review queue (/admin/review)\n');
  const json = quire('suggest', '--archive', '--json');
  assert.deepEqual(JSON.parse(json.stdout), { works: 3, exceeding: 1, queued: 1 });
  await withArchive(async (a) => {
    assert.equal((await a.store.db.selectFrom('rating_hints').select('work_id').execute()).length, 3);
    const [item] = await a.ratingHints.queue();
    assert.equal(item?.title, 'Low');
    assert.equal(item?.hinted, 'Mature');
  });
  const both = quire('suggest', story, '--archive');
  assert.equal(both.code, 1);
  assert.match(both.stderr, /give a FILE or --archive, not both/);
  const neither = quire('suggest');
  assert.equal(neither.code, 1);
  assert.match(neither.stderr, /give a story FILE to read, or --archive/);
});

test('quire import prints suggestions without applying them; --json carries them; --accept-suggestions applies them', async () => {
  const r = quire('import', story);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^created \d+ "On Deck"/);
  assert.match(r.stdout, /suggested \(not applied; --accept-suggestions applies them/);
  assert.match(r.stdout, /characters: Mara Voss \(\d+\), Tobin Ash \(\d+\)/);
  assert.match(r.stdout, /relationships: Mara Voss\/Tobin Ash/);
  const id = Number(/^created (\d+)/.exec(r.stdout)![1]);
  await withArchive(async (a) => assert.deepEqual((await a.works.get(id))!.characters, [], 'not applied'));

  const copy = path.join(dataDir, 'deck-again.txt');
  fs.writeFileSync(copy, fs.readFileSync(story, 'utf8').replace('On Deck', 'On Deck Again'));
  const j = quire('import', copy, '--json', '--accept-suggestions');
  assert.equal(j.code, 0, j.stderr);
  const result = JSON.parse(j.stdout.trim().split('\n')[0]!) as { workId: number; suggestions: { characters: { tag: string; evidence: unknown[] }[] }; accepted: string[] };
  assert.deepEqual(result.suggestions.characters.map((c) => c.tag), ['Mara Voss', 'Tobin Ash']);
  assert.ok(result.suggestions.characters[0]!.evidence.length > 0, 'with evidence');
  assert.ok(result.accepted.includes('character:Mara Voss') && result.accepted.includes('relationship:Mara Voss/Tobin Ash'), result.accepted.join(', '));
  await withArchive(async (a) => {
    const w = (await a.works.get(result.workId))!;
    assert.deepEqual(w.characters, ['Mara Voss', 'Tobin Ash']);
    assert.deepEqual(w.relationships, ['Mara Voss/Tobin Ash']);
  });
});
