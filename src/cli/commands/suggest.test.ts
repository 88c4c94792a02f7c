import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildWork } from '../../../test/factories.ts';
import { runCli } from '../../../test/cli/run.ts';
import { openArchive } from '../../archive.ts';
import { loadConfig } from '../../config/config.ts';
import { findTagByName } from '../../tags/tag.repository.ts';
import { addParentFandom, makeSynonym } from '../../tags/wrangle.ts';

/** `quire suggest` run as a user would, in a child process, against a data dir with character tags. */
let dataDir: string;
let story: string;

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-suggest-cli-'));
  const archive = await openArchive(loadConfig({}, { dataDir }));
  await archive.works.create(buildWork({
    fandoms: ['The Salt Roads'],
    characters: ['Mara Voss', 'Tobin Ash', 'Ilse Marrow'],
    relationships: ['Tobin Ash/Mara Voss'],
  }));
  await archive.works.create(buildWork({ fandoms: ['Lanternfall Observatory'], characters: ['Mara Quill', 'Mari'] }));
  const id = async (name: string) => (await findTagByName(archive.store.db, name))!.id;
  await makeSynonym(archive.store, archive.events, await id('Mari'), await id('Mara Quill'));
  await addParentFandom(archive.store.db, await id('Mara Quill'), await id('Lanternfall Observatory'));
  await archive.close();
  story = path.join(dataDir, 'story.txt');
  fs.writeFileSync(story, [
    'Mara checked the rigging while Tobin hauled rope. Tobin’s hands were raw.',
    'That night Tobin kissed Mara under the lantern, and Mara kissed him back.',
    '* * *',
    'The storm came at dawn. Ilse Marrow was stabbed by a boarder; her entrails spilled across the deck and the blood pooled under her. Ilse Marrow died before noon.',
  ].join('\n\n'));
});

after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const quire = (...args: string[]) => runCli(['--data', dataDir, 'suggest', ...args]);

test('--json gives exactly the documented shape, with the archive\'s tags', () => {
  const r = quire(story, '--json');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, any>;
  assert.deepEqual(Object.keys(out), ['rating', 'warnings', 'characters', 'relationships', 'language', 'fandoms']);
  assert.deepEqual(Object.keys(out.rating), ['value', 'confidence', 'evidence']);
  assert.equal(out.rating.value, 'Mature');
  assert.deepEqual(out.warnings.map((w: any) => w.value).sort(), ['Graphic Depictions Of Violence', 'Major Character Death']);
  for (const w of out.warnings) assert.deepEqual(Object.keys(w), ['value', 'confidence', 'evidence']);
  assert.deepEqual(out.characters.map((c: any) => [c.tag, c.mentions]), [['Mara Voss', 3], ['Tobin Ash', 3], ['Ilse Marrow', 2]]);
  assert.deepEqual(out.relationships.map((x: any) => Object.keys(x)), [['tag', 'confidence', 'evidence']]);
  assert.equal(out.relationships[0].tag, 'Tobin Ash/Mara Voss');
  assert.equal(out.language.value, 'en');
  assert.deepEqual(out.fandoms.map((f: any) => f.tag), ['The Salt Roads']);
});

test('evidence in the JSON points into the file\'s text', () => {
  const out = JSON.parse(quire(story, '--json').stdout) as Record<string, any>;
  const text = fs.readFileSync(story, 'utf8');
  const items = [out.rating, ...out.warnings, ...out.characters, ...out.relationships].flatMap((s: any) => s.evidence);
  assert.ok(items.length > 10);
  for (const e of items) {
    assert.equal(e.chapter, 1);
    assert.equal(text.slice(e.offset, e.offset + e.length), e.match);
    assert.ok(e.excerpt.includes(`«${e.match}»`), e.excerpt);
  }
});

test('--fandom picks between characters who share a name', () => {
  const file = path.join(dataDir, 'comet.md');
  fs.writeFileSync(file, 'Mara could not sleep, so she climbed to the dome and watched the comet alone.\n');
  const tags = (r: { stdout: string }) => (JSON.parse(r.stdout) as { characters: { tag: string }[] }).characters.map((c) => c.tag);
  assert.deepEqual(tags(quire(file, '--json')), [], 'two Maras and no clue: no guess');
  assert.deepEqual(tags(quire(file, '--json', '--fandom', 'Lanternfall Observatory')), ['Mara Quill']);
  const unknown = quire(file, '--json', '--fandom', 'Nowhere');
  assert.equal(unknown.code, 0);
  assert.match(unknown.stderr, /fandom "Nowhere" is not a fandom tag in this archive; ignored/);
});

test('the human output lists each suggestion with its evidence and applies nothing', () => {
  const r = quire(story);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Nothing has been applied/);
  assert.match(r.stdout, /^Rating: Mature \(confidence 0\.\d\d\)$/m);
  assert.match(r.stdout, /^ {2}Major Character Death \(confidence 0\.\d\d\)\n {4}ch 1, at [\d,]+: .*«Ilse Marrow» «died»/m);
  assert.match(r.stdout, /^ {2}Tobin Ash\/Mara Voss: romantic, existing tag \(confidence 0\.\d\d\)$/m);
  assert.match(r.stdout, /^ {2}Mara Voss: 3 mentions/m);
  assert.match(r.stdout, /^Language: English \(en\)/m);
});

test('a missing file or an unknown format is one clear line and exit 1', () => {
  const missing = quire(path.join(dataDir, 'nope.txt'));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^quire: .*nope\.txt: no such file\n$/);
  const pdf = path.join(dataDir, 'story.pdf');
  fs.writeFileSync(pdf, '%PDF-1.4');
  const bad = quire(pdf);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /story\.pdf: unsupported format/);
});
